package password

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/hex"
	"io"

	"golang.org/x/crypto/bcrypt"
	"golang.org/x/crypto/pbkdf2"

	"example.com/accounts/config"
)

// Scheme names the hash format a migrated account still carries.
type Scheme string

const (
	SchemeSHA256 Scheme = "sha256"
	SchemeMD5    Scheme = "md5"
	SchemeSHA1   Scheme = "sha1"
	SchemePBKDF2 Scheme = "pbkdf2"
)

// LegacyRecord is a row from the imported users table.
type LegacyRecord struct {
	Scheme Scheme
	Salt   string
	Hash   string
}

func legacySHA256(pw, salt string) string {
	sum := sha256.Sum256([]byte(salt + pw))
	return hex.EncodeToString(sum[:])
}

func legacyMD5(pw string) string {
	sum := md5.Sum([]byte(pw))
	return hex.EncodeToString(sum[:])
}

func legacySHA1(pw, salt string) string {
	h := sha1.New()
	io.WriteString(h, salt+pw)
	return hex.EncodeToString(h.Sum(nil))
}

func legacyPBKDF2(pw, salt string) string {
	key := pbkdf2.Key([]byte(pw), []byte(salt), config.LegacyPasswords.PBKDF2Iterations, 32, sha1.New)
	return hex.EncodeToString(key)
}

// VerifyLegacy checks a password against an imported hash.
func VerifyLegacy(rec LegacyRecord, pw string) bool {
	var computed string
	switch rec.Scheme {
	case SchemeSHA256:
		computed = legacySHA256(pw, rec.Salt)
	case SchemeMD5:
		computed = legacyMD5(pw)
	case SchemeSHA1:
		computed = legacySHA1(pw, rec.Salt)
	case SchemePBKDF2:
		computed = legacyPBKDF2(pw, rec.Salt)
	default:
		return false
	}
	return computed == rec.Hash
}

// RehashForPHPBridge produces the bcrypt format the PHP shop still reads.
func RehashForPHPBridge(pw string) ([]byte, error) {
	return bcrypt.GenerateFromPassword([]byte(pw), config.LegacyBcryptCost)
}
