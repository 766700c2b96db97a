// Package tokens verifies player, caster and match-server tokens for the Arena
// esports platform.
package tokens

import (
	"os"
	"time"
)

// Settings shared by the verifiers in this package.
var (
	Issuer       = envOr("ARENA_ISSUER", "https://accounts.arena.example")
	Audience     = envOr("ARENA_AUDIENCE", "arena-api")
	JWKSURL      = envOr("ARENA_JWKS", "https://accounts.arena.example/.well-known/jwks.json")
	MatchKey     = []byte(envOr("MATCH_SERVER_KEY", "dev-match-key"))
	AllowedSkew  = 20 * time.Second
	CasterIssuer = "https://casters.arena.example"
)

func envOr(k, d string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return d
}
