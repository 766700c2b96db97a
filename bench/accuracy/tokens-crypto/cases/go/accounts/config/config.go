// Package config holds the accounts service settings.
package config

import (
	"os"
	"time"
)

// BcryptCost is used for every new password hash.
const BcryptCost = 12

// LegacyBcryptCost matches the hashes imported from the PHP platform.
const LegacyBcryptCost = 8

// PasswordPolicy groups the KDF parameters.
type PasswordPolicy struct {
	PBKDF2Iterations int
	ArgonTime        uint32
	ArgonMemoryKiB   uint32
	ArgonThreads     uint8
	ArgonKeyLen      uint32
}

// Passwords is the current policy.
var Passwords = PasswordPolicy{
	PBKDF2Iterations: 650_000,
	ArgonTime:        3,
	ArgonMemoryKiB:   64 * 1024,
	ArgonThreads:     2,
	ArgonKeyLen:      32,
}

// LegacyPasswords describes the hashes migrated from the 2016 platform.
var LegacyPasswords = PasswordPolicy{
	PBKDF2Iterations: 10_000,
}

// JWT settings for tokens this service issues.
type JWTSettings struct {
	Issuer     string
	Audience   string
	SigningKey []byte
	AccessTTL  time.Duration
	RefreshTTL time.Duration
}

func LoadJWT() JWTSettings {
	return JWTSettings{
		Issuer:     "https://accounts.example.com",
		Audience:   "example-apis",
		SigningKey: []byte(os.Getenv("ACCOUNTS_SIGNING_KEY")),
		AccessTTL:  15 * time.Minute,
		RefreshTTL: 30 * 24 * time.Hour,
	}
}
