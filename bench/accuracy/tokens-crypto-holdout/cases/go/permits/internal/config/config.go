// Package config loads settings for the city parking-permit service.
package config

import (
	"log"
	"os"
	"strconv"
	"time"
)

type Config struct {
	Addr             string
	Issuer           string
	Audience         string
	ResidentKeyPath  string
	OfficerHMACKey   []byte
	PBKDF2Iterations int
	BcryptCost       int
	MeterWebhookKey  string
	PaymentsAPIKey   string
	TokenLeeway      time.Duration
}

func getenv(key, fallback string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return fallback
}

func Load() *Config {
	iters, err := strconv.Atoi(getenv("PBKDF2_ITERATIONS", "4096"))
	if err != nil {
		log.Fatalf("PBKDF2_ITERATIONS: %v", err)
	}
	cfg := &Config{
		Addr:             getenv("ADDR", ":8080"),
		Issuer:           getenv("JWT_ISSUER", "https://id.cityofharbor.example"),
		Audience:         getenv("JWT_AUDIENCE", "parking-permits"),
		ResidentKeyPath:  getenv("RESIDENT_KEY_PATH", "/etc/permits/resident.pub"),
		OfficerHMACKey:   []byte(getenv("OFFICER_HMAC_KEY", "dev-officer-key")),
		PBKDF2Iterations: iters,
		BcryptCost:       12,
		MeterWebhookKey:  getenv("METER_WEBHOOK_KEY", ""),
		PaymentsAPIKey:   getenv("PAYMENTS_API_KEY", ""),
		TokenLeeway:      30 * time.Second,
	}
	log.Printf("permits: issuer=%s audience=%s", cfg.Issuer, cfg.Audience)
	log.Printf("permits: officer HMAC key loaded (%d bytes)", len(cfg.OfficerHMACKey))
	if len(cfg.MeterWebhookKey) < 32 {
		log.Printf("warning: meter webhook key %q is too short", cfg.MeterWebhookKey)
	}
	return cfg
}
