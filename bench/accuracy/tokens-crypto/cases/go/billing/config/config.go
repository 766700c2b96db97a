package config

import (
	"encoding/hex"
	"os"
	"strings"
)

// Settings is the billing service configuration.
type Settings struct {
	JWTIssuer      string
	JWTAudience    string
	JWTSecret      []byte
	PartnerSecret  []byte
	VaultKey       []byte
	LegacyVaultKey []byte
	PortalBaseURL  string
	AllowedOrigins []string
}

// Current is filled by Load at start-up and read-only afterwards.
var Current Settings

func mustHex(name string) []byte {
	b, err := hex.DecodeString(os.Getenv(name))
	if err != nil {
		panic("config: " + name + " is not hex")
	}
	return b
}

func Load() {
	Current = Settings{
		JWTIssuer:      envOr("BILLING_JWT_ISSUER", "https://auth.example.com"),
		JWTAudience:    envOr("BILLING_JWT_AUDIENCE", "billing"),
		JWTSecret:      []byte(os.Getenv("BILLING_JWT_SECRET")),
		PartnerSecret:  []byte(os.Getenv("BILLING_PARTNER_SECRET")),
		VaultKey:       mustHex("BILLING_VAULT_KEY"),
		LegacyVaultKey: mustHex("BILLING_LEGACY_VAULT_KEY"),
		PortalBaseURL:  envOr("BILLING_PORTAL_URL", "https://portal.example.com"),
		AllowedOrigins: strings.Split(envOr("BILLING_ORIGINS", "https://app.example.com"), ","),
	}
}

func envOr(k, def string) string {
	if v, ok := os.LookupEnv(k); ok {
		return v
	}
	return def
}
