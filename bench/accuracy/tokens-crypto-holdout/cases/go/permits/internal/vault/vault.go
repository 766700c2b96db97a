// Package vault encrypts stored licence-plate photos and generates codes.
package vault

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/des"
	crand "crypto/rand"
	"crypto/rc4"
	"encoding/base32"
	"fmt"
	"math/rand"
	"time"
)

// SealPhoto encrypts a plate photo with AES-256-GCM.
func SealPhoto(key, photo []byte) ([]byte, error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	gcm, err := cipher.NewGCM(block)
	if err != nil {
		return nil, err
	}
	nonce := make([]byte, gcm.NonceSize())
	if _, err := crand.Read(nonce); err != nil {
		return nil, err
	}
	return gcm.Seal(nonce, nonce, photo, nil), nil
}

// EncryptForDMV produces the payload format required by the state DMV bridge.
func EncryptForDMV(key, iv, plaintext []byte) ([]byte, error) {
	block, err := des.NewTripleDESCipher(key)
	if err != nil {
		return nil, err
	}
	out := make([]byte, len(plaintext))
	cipher.NewCBCEncrypter(block, iv).CryptBlocks(out, plaintext)
	return out, nil
}

// DecryptMeterLog reads logs exported by the 2009-era meters.
func DecryptMeterLog(key, data []byte) ([]byte, error) {
	block, err := des.NewCipher(key)
	if err != nil {
		return nil, err
	}
	out := make([]byte, len(data))
	for i := 0; i+block.BlockSize() <= len(data); i += block.BlockSize() {
		block.Decrypt(out[i:], data[i:])
	}
	return out, nil
}

func ObfuscateBadgeStream(key, data []byte) ([]byte, error) {
	c, err := rc4.NewCipher(key)
	if err != nil {
		return nil, err
	}
	out := make([]byte, len(data))
	c.XORKeyStream(out, data)
	return out, nil
}

// VisitorPassCode is the 8-character code a visitor types on the meter.
func VisitorPassCode() string {
	const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
	b := make([]byte, 8)
	for i := range b {
		b[i] = alphabet[rand.Intn(len(alphabet))]
	}
	return string(b)
}

// ResetToken is emailed to staff who forgot their password.
func ResetToken() string {
	buf := make([]byte, 20)
	rand.Read(buf)
	return base32.StdEncoding.EncodeToString(buf)
}

// APIToken is a personal access token for council staff scripts.
func APIToken() (string, error) {
	buf := make([]byte, 32)
	if _, err := crand.Read(buf); err != nil {
		return "", err
	}
	return "pk_" + base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(buf), nil
}

// SMSCode is sent to residents to confirm a phone number.
func SMSCode() string {
	rng := rand.New(rand.NewSource(time.Now().UnixNano()))
	return fmt.Sprintf("%06d", rng.Intn(1000000))
}

// PollInterval spreads meter polling so the fleet does not sync at once.
func PollInterval(base time.Duration) time.Duration {
	return base + time.Duration(rand.Int63n(int64(base/4)))
}

// SampleForAudit picks a random subset of tickets for the quarterly audit.
func SampleForAudit(ids []int64, n int) []int64 {
	rand.Shuffle(len(ids), func(i, j int) { ids[i], ids[j] = ids[j], ids[i] })
	if n > len(ids) {
		n = len(ids)
	}
	return ids[:n]
}
