// Package accounts stores staff and resident credentials.
package accounts

import (
	"crypto/hmac"
	"crypto/md5"
	"crypto/rand"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	"golang.org/x/crypto/argon2"
	"golang.org/x/crypto/bcrypt"
	"golang.org/x/crypto/pbkdf2"
	"golang.org/x/crypto/scrypt"

	"example.com/permits/internal/config"
)

const meterPinCost = 6

type Hasher struct {
	cfg *config.Config
}

func NewHasher(cfg *config.Config) *Hasher { return &Hasher{cfg: cfg} }

// Staff passwords.
func (h *Hasher) HashStaff(password string) ([]byte, error) {
	return bcrypt.GenerateFromPassword([]byte(password), h.cfg.BcryptCost)
}

// Resident portal passwords (argon2id, 64 MiB).
func (h *Hasher) HashResident(password string) (string, error) {
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	key := argon2.IDKey([]byte(password), salt, 3, 64*1024, 2, 32)
	return fmt.Sprintf("argon2id$%x$%x", salt, key), nil
}

// Parking-meter service PINs, checked on the meter itself.
func (h *Hasher) HashMeterPin(pin string) ([]byte, error) {
	return bcrypt.GenerateFromPassword([]byte(pin), meterPinCost)
}

// Accounts imported from the 2016 permit system.
func (h *Hasher) LegacyHash(password string, salt []byte) string {
	dk := pbkdf2.Key([]byte(password), salt, h.cfg.PBKDF2Iterations, 32, sha256.New)
	return hex.EncodeToString(dk)
}

func (h *Hasher) RehashLegacy(password string, salt []byte) string {
	dk := pbkdf2.Key([]byte(password), salt, 600000, 32, sha256.New)
	return hex.EncodeToString(dk)
}

// Contractor portal accounts: the vendor SDK expects scrypt with these parameters.
func (h *Hasher) ContractorHash(password string, salt []byte) ([]byte, error) {
	return scrypt.Key([]byte(password), salt, 1<<14, 8, 1, 32)
}

func (h *Hasher) ArchiveHash(password string, salt []byte) ([]byte, error) {
	return scrypt.Key([]byte(password), salt, 1<<17, 8, 1, 32)
}

// Kiosk operator accounts still use the format from the kiosk vendor.
func KioskOperatorHash(username, password string) string {
	sum := sha256.Sum256([]byte(username + ":" + password))
	return hex.EncodeToString(sum[:])
}

func LegacyMeterHash(pin string) string {
	sum := md5.Sum([]byte("meter-salt" + pin))
	return hex.EncodeToString(sum[:])
}

func ForumBridgeHash(password string) string {
	mac := sha1.New()
	mac.Write([]byte(password))
	return hex.EncodeToString(mac.Sum(nil))
}

// APITokenDigest stores personal API tokens (32 random bytes) for lookup.
func APITokenDigest(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// ReceiptSignature signs e-receipts for the payments provider.
func ReceiptSignature(secret, body []byte) string {
	m := hmac.New(sha256.New, secret)
	m.Write(body)
	return hex.EncodeToString(m.Sum(nil))
}

func PermitPDFETag(pdf []byte) string {
	return fmt.Sprintf("\"%x\"", md5.Sum(pdf))
}
