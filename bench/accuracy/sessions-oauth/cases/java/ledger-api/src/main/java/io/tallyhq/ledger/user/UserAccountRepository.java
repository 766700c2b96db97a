package io.tallyhq.ledger.user;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    Optional<UserAccount> findByEmailIgnoreCase(String email);

    @Query("select u.tokenVersion from UserAccount u where u.id = :id")
    Optional<Integer> findTokenVersion(long id);
}
