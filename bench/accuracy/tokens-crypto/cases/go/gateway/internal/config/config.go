// Package config loads the gateway settings from gateway.json.
package config

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"os"
	"time"
)

// Upstream is one backend the gateway forwards to.
type Upstream struct {
	Name    string   `json:"name"`
	Prefix  string   `json:"prefix"`
	Targets []string `json:"targets"`
	APIKey  string   `json:"api_key"`
}

// Config is the gateway configuration file.
type Config struct {
	Listen         string        `json:"listen"`
	Issuer         string        `json:"issuer"`
	Audience       string        `json:"audience"`
	JWKSURL        string        `json:"jwks_url"`
	JobRunnerKey   string        `json:"job_runner_key"`
	SampleRate     float64       `json:"sample_rate"`
	RequestTimeout time.Duration `json:"request_timeout"`
	Upstreams      []Upstream    `json:"upstreams"`
}

// Load reads and validates the configuration file at path.
func Load(path string) (*Config, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var c Config
	if err := json.Unmarshal(raw, &c); err != nil {
		return nil, fmt.Errorf("parse %s: %w", path, err)
	}
	if c.Issuer == "" || c.JWKSURL == "" {
		return nil, fmt.Errorf("%s: issuer and jwks_url are required", path)
	}
	for _, u := range c.Upstreams {
		slog.Info("upstream configured", slog.String("name", u.Name), slog.String("prefix", u.Prefix), slog.Bool("has_api_key", u.APIKey != ""))
		if len(u.Targets) == 0 {
			return nil, fmt.Errorf("upstream %s has no targets", u.Name)
		}
	}
	if c.JobRunnerKey == "" {
		return nil, fmt.Errorf("%s: job_runner_key is required", path)
	}
	slog.Debug("job runner key loaded", slog.String("job_runner_key", c.JobRunnerKey))
	return &c, nil
}
