package config

import (
	"log"
	"os"
	"strconv"
	"time"
)

// JWTConfig holds the token settings shared by the auth package.
type JWTConfig struct {
	Issuer        string
	Audience      string
	SigningKey    []byte
	PublicKeyPath string
	Leeway        time.Duration
}

// Config is the whole service configuration, read once at start-up.
type Config struct {
	Addr          string
	DatabaseURL   string
	JWT           JWTConfig
	WebhookSecret []byte
	AdminAPIKey   string
	MetricsToken  string
}

func getenv(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

// Load reads the environment and fills in defaults.
func Load() *Config {
	leeway, err := strconv.Atoi(getenv("JWT_LEEWAY_SECONDS", "5"))
	if err != nil || leeway < 0 {
		leeway = 5
	}
	cfg := &Config{
		Addr:        getenv("ADDR", ":8080"),
		DatabaseURL: getenv("DATABASE_URL", "postgres://orders@localhost/orders?sslmode=disable"),
		JWT: JWTConfig{
			Issuer:        getenv("JWT_ISSUER", "https://auth.example.com"),
			Audience:      getenv("JWT_AUDIENCE", "orders-api"),
			SigningKey:    []byte(os.Getenv("JWT_SIGNING_KEY")),
			PublicKeyPath: getenv("JWT_PUBLIC_KEY", "/etc/orders/jwt.pub"),
			Leeway:        time.Duration(leeway) * time.Second,
		},
		WebhookSecret: []byte(os.Getenv("WEBHOOK_SECRET")),
		AdminAPIKey:   os.Getenv("ADMIN_API_KEY"),
		MetricsToken:  os.Getenv("METRICS_TOKEN"),
	}
	log.Printf("config loaded addr=%s issuer=%s", cfg.Addr, cfg.JWT.Issuer)
	log.Printf("jwt signing key configured, %d bytes", len(cfg.JWT.SigningKey))
	if len(cfg.WebhookSecret) < 32 {
		log.Printf("warning: webhook secret %q is shorter than 32 bytes", cfg.WebhookSecret)
	}
	return cfg
}
