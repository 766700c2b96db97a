package io.tallyhq.ledger.user;

import io.tallyhq.ledger.auth.RefreshTokenService;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

@Service
public class UserAccountService {

    private final UserAccountRepository users;
    private final PasswordEncoder passwordEncoder;
    private final RefreshTokenService refreshTokens;
    private final PasswordResetTokens resetTokens;

    public UserAccountService(UserAccountRepository users, PasswordEncoder passwordEncoder,
                              RefreshTokenService refreshTokens, PasswordResetTokens resetTokens) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.refreshTokens = refreshTokens;
        this.resetTokens = resetTokens;
    }

    @Transactional(readOnly = true)
    public UserAccount authenticate(String email, String password) {
        return users.findByEmailIgnoreCase(email)
                .filter(u -> passwordEncoder.matches(password, u.getPasswordHash()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "bad credentials"));
    }

    @Transactional
    public void bumpTokenVersion(long userId) {
        users.findById(userId).ifPresent(UserAccount::incrementTokenVersion);
    }

    /** Signed-in user changes their password: every other device has to log in again. */
    @Transactional
    public void changePassword(long userId, String currentPassword, String newPassword) {
        UserAccount user = users.findById(userId).orElseThrow();
        if (!passwordEncoder.matches(currentPassword, user.getPasswordHash())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "current password is wrong");
        }
        user.setPasswordHash(passwordEncoder.encode(newPassword));
        user.incrementTokenVersion();
        refreshTokens.revokeAllFor(userId);
        users.save(user);
    }

    /** Completes the e-mailed reset link flow. */
    @Transactional
    public void completeReset(String resetToken, String newPassword) {
        long userId = resetTokens.consume(resetToken)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "reset link expired"));
        UserAccount user = users.findById(userId).orElseThrow();
        user.setPasswordHash(passwordEncoder.encode(newPassword));
        users.saveAndFlush(user);
    }
}
