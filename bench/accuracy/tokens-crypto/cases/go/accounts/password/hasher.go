// Package password hashes and verifies user passwords.
package password

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"log/slog"
	"strings"

	"golang.org/x/crypto/argon2"
	"golang.org/x/crypto/bcrypt"
	"golang.org/x/crypto/pbkdf2"

	"example.com/accounts/config"
)

var ErrMismatch = errors.New("password does not match")

// Bcrypt hashes with the configured cost; used by the admin console logins.
func Bcrypt(pw string) ([]byte, error) {
	return bcrypt.GenerateFromPassword([]byte(pw), config.BcryptCost)
}

// BcryptDefault is used by the CLI when no config is loaded.
func BcryptDefault(pw string) ([]byte, error) {
	return bcrypt.GenerateFromPassword([]byte(pw), bcrypt.DefaultCost)
}

func derive(pw string, salt []byte) []byte {
	p := config.Passwords
	return argon2.IDKey([]byte(pw), salt, p.ArgonTime, p.ArgonMemoryKiB, p.ArgonThreads, p.ArgonKeyLen)
}

// Hash returns an encoded argon2id hash for a new password.
func Hash(pw string) (string, error) {
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	key := derive(pw, salt)
	slog.Debug("password hashed", "algorithm", "argon2id", "memory_kib", config.Passwords.ArgonMemoryKiB)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("argon2id$%s$%s", b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// Verify checks pw against an encoded argon2id hash.
func Verify(encoded, pw string) error {
	parts := strings.Split(encoded, "$")
	if len(parts) != 3 || parts[0] != "argon2id" {
		return errors.New("unsupported hash format")
	}
	salt, err := base64.RawStdEncoding.DecodeString(parts[1])
	if err != nil {
		return err
	}
	want, err := base64.RawStdEncoding.DecodeString(parts[2])
	if err != nil {
		return err
	}
	if subtle.ConstantTimeCompare(derive(pw, salt), want) != 1 {
		return ErrMismatch
	}
	return nil
}

// PBKDF2 is kept for the SAML bridge, which can only verify PBKDF2-SHA256.
func PBKDF2(pw string, salt []byte) []byte {
	return pbkdf2.Key([]byte(pw), salt, config.Passwords.PBKDF2Iterations, 32, sha256.New)
}

// DevicePasscode hashes the unlock passcode of the mobile app.
func DevicePasscode(passcode string, salt []byte) []byte {
	return argon2.IDKey([]byte(passcode), salt, 1, 8*1024, 1, 32)
}
