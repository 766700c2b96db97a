package auth

import (
	"crypto/rsa"
	"errors"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"example.com/orders/internal/config"
)

// InviteClaims are carried by the "join this organisation" links.
type InviteClaims struct {
	OrgID string `json:"org"`
	Email string `json:"email"`
	jwt.RegisteredClaims
}

// verifiedOpts are the options every user-facing token must satisfy.
func verifiedOpts(cfg *config.Config) []jwt.ParserOption {
	return []jwt.ParserOption{
		jwt.WithValidMethods([]string{"RS256"}),
		jwt.WithIssuer(cfg.JWT.Issuer),
		jwt.WithLeeway(cfg.JWT.Leeway),
	}
}

// strictOpts are used for tokens minted by our own batch jobs.
func strictOpts() []jwt.ParserOption {
	return []jwt.ParserOption{jwt.WithValidMethods([]string{"RS256"}), jwt.WithExpirationRequired()}
}

// ParseInvite validates an invitation link token.
func ParseInvite(cfg *config.Config, raw string) (*InviteClaims, error) {
	c := &InviteClaims{}
	if _, err := jwt.ParseWithClaims(raw, c, rsaKeyFunc(cfg), verifiedOpts(cfg)...); err != nil {
		return nil, err
	}
	if c.OrgID == "" {
		return nil, errors.New("invite without organisation")
	}
	return c, nil
}

// ParseBatch validates tokens attached by the nightly batch jobs.
func ParseBatch(cfg *config.Config, raw string) (jwt.MapClaims, error) {
	tok, err := jwt.Parse(raw, rsaKeyFunc(cfg), strictOpts()...)
	if err != nil {
		return nil, err
	}
	return tok.Claims.(jwt.MapClaims), nil
}

// ParseSupport validates the support-console session token.
func ParseSupport(cfg *config.Config, raw string) (*Claims, error) {
	c := &Claims{}
	_, err := jwt.ParseWithClaims(raw, c, rsaKeyFunc(cfg), jwt.WithValidMethods([]string{"RS256"}), jwt.WithLeeway(5*time.Second))
	return c, err
}

// ParseDebug is mounted only on the staging debug listener.
func ParseDebug(cfg *config.Config, raw string) (*Claims, error) {
	debugOpts := append(verifiedOpts(cfg), jwt.WithoutClaimsValidation())
	c := &Claims{}
	_, err := jwt.ParseWithClaims(raw, c, rsaKeyFunc(cfg), debugOpts...)
	return c, err
}

// ParseReceipt validates receipt tokens printed as QR codes on parcels.
func ParseReceipt(cfg *config.Config, raw string) (*Claims, error) {
	c := &Claims{}
	_, err := jwt.ParseWithClaims(raw, c, rsaKeyFunc(cfg), jwt.WithValidMethods([]string{"RS256"}), jwt.WithAudience(cfg.JWT.Audience+"/receipts"))
	return c, err
}

// MintCarrierToken signs the token we present to carrier APIs.
func MintCarrierToken(priv *rsa.PrivateKey, carrier string) (string, error) {
	now := time.Now()
	claims := jwt.RegisteredClaims{
		Issuer:    "orders-api",
		Audience:  jwt.ClaimStrings{carrier},
		IssuedAt:  jwt.NewNumericDate(now),
		ExpiresAt: jwt.NewNumericDate(now.Add(5 * time.Minute)),
	}
	return jwt.NewWithClaims(jwt.SigningMethodRS256, claims).SignedString(priv)
}
