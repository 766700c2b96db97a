package main

import (
	"encoding/hex"
	"log"
	"os"
)

// Config is read once at start-up; every secret comes from the environment.
type Config struct {
	Addr          string
	MetricsAddr   string
	DatabaseURL   string
	SessionDir    string
	SessionHash   []byte
	SessionBlock  []byte
	CSRFKey       []byte
	WebhookSecret []byte
	CookieDomain  string
}

func mustHexEnv(name string) []byte {
	raw := os.Getenv(name)
	if raw == "" {
		log.Fatalf("%s must be set", name)
	}
	b, err := hex.DecodeString(raw)
	if err != nil {
		log.Fatalf("%s: %v", name, err)
	}
	return b
}

func envOr(name, fallback string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return fallback
}

func loadConfig() Config {
	return Config{
		Addr:          envOr("BOOKCLUB_ADDR", ":8080"),
		MetricsAddr:   envOr("BOOKCLUB_METRICS_ADDR", "127.0.0.1:9100"),
		DatabaseURL:   os.Getenv("DATABASE_URL"),
		SessionDir:    envOr("SESSION_DIR", "/var/lib/bookclub/sessions"),
		SessionHash:   mustHexEnv("SESSION_HASH_KEY"),
		SessionBlock:  mustHexEnv("SESSION_BLOCK_KEY"),
		CSRFKey:       mustHexEnv("CSRF_AUTH_KEY"),
		WebhookSecret: mustHexEnv("MAILER_WEBHOOK_SECRET"),
		CookieDomain:  os.Getenv("COOKIE_DOMAIN"),
	}
}
