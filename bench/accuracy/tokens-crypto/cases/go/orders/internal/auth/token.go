package auth

import (
	"errors"
	"net/http"
	"strings"

	"github.com/golang-jwt/jwt/v5"

	"example.com/orders/internal/config"
)

// Claims are the claims the orders API reads from access tokens.
type Claims struct {
	Scope string   `json:"scope"`
	Roles []string `json:"roles"`
	jwt.RegisteredClaims
}

// Verifier checks the different kinds of bearer tokens the API accepts.
type Verifier struct {
	cfg    *config.Config
	ring   *keyRing
	parser *jwt.Parser
}

func NewVerifier(cfg *config.Config) *Verifier {
	return &Verifier{
		cfg:  cfg,
		ring: newKeyRing(),
		parser: jwt.NewParser(
			jwt.WithValidMethods([]string{"RS256"}),
			jwt.WithIssuer(cfg.JWT.Issuer),
			jwt.WithAudience(cfg.JWT.Audience),
			jwt.WithLeeway(cfg.JWT.Leeway),
		),
	}
}

// Access verifies a user access token issued by the auth service.
func (v *Verifier) Access(raw string) (*Claims, error) {
	claims := &Claims{}
	if _, err := v.parser.ParseWithClaims(raw, claims, rsaKeyFunc(v.cfg)); err != nil {
		return nil, err
	}
	return claims, nil
}

// Service verifies tokens minted by sibling services with the shared key.
func (v *Verifier) Service(raw string) (*Claims, error) {
	claims := &Claims{}
	_, err := jwt.ParseWithClaims(raw, claims, sharedSecret(v.cfg), jwt.WithIssuer(v.cfg.JWT.Issuer))
	if err != nil {
		return nil, err
	}
	return claims, nil
}

// Rotated verifies tokens signed with one of the rotating HMAC keys.
func (v *Verifier) Rotated(raw string) (*Claims, error) {
	rotOpts := []jwt.ParserOption{
		jwt.WithIssuer(v.cfg.JWT.Issuer),
		jwt.WithAudience(v.cfg.JWT.Audience),
	}
	claims := &Claims{}
	_, err := jwt.ParseWithClaims(raw, claims, v.ring.lookup, rotOpts...)
	return claims, err
}

// Partner verifies tokens from the fulfilment partner, HS512 only.
func (v *Verifier) Partner(raw string) (*Claims, error) {
	partnerOpts := []jwt.ParserOption{
		jwt.WithValidMethods([]string{"HS512"}),
		jwt.WithAudience("orders-partner"),
	}
	claims := &Claims{}
	_, err := jwt.ParseWithClaims(raw, claims, v.ring.lookup, partnerOpts...)
	return claims, err
}

func bearer(r *http.Request) (string, error) {
	scheme, tok, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	if !ok || scheme != "Bearer" {
		return "", errors.New("missing bearer token")
	}
	return strings.TrimSpace(tok), nil
}
