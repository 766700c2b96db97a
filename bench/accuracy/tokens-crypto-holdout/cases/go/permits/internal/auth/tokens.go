// Package auth verifies the bearer tokens presented to the permit service.
package auth

import (
	"crypto/rsa"
	"errors"
	"time"

	jwt "github.com/golang-jwt/jwt/v5"

	"example.com/permits/internal/config"
)

type Claims struct {
	jwt.RegisteredClaims
	Roles    []string `json:"roles"`
	District string   `json:"district"`
}

func (c *Claims) HasRole(role string) bool {
	for _, r := range c.Roles {
		if r == role {
			return true
		}
	}
	return false
}

type Verifier struct {
	cfg         *config.Config
	residentKey *rsa.PublicKey
	officerKey  []byte
	kioskOpts   []jwt.ParserOption
}

func NewVerifier(cfg *config.Config) (*Verifier, error) {
	key, err := loadRSAPublicKey(cfg.ResidentKeyPath)
	if err != nil {
		return nil, err
	}
	return &Verifier{
		cfg:         cfg,
		residentKey: key,
		officerKey:  cfg.OfficerHMACKey,
		kioskOpts: []jwt.ParserOption{
			jwt.WithValidMethods([]string{"HS256"}),
			jwt.WithLeeway(5 * time.Second),
		},
	}, nil
}

// Resident tokens come from the city identity provider.
func (v *Verifier) Resident(raw string) (*Claims, error) {
	claims := &Claims{}
	_, err := jwt.ParseWithClaims(raw, claims, v.residentKeyFunc, jwt.WithIssuer(v.cfg.Issuer), jwt.WithAudience(v.cfg.Audience), jwt.WithExpirationRequired())
	return claims, err
}

// Officer handhelds sign with a shared HMAC key.
func (v *Verifier) Officer(raw string) (*Claims, error) {
	claims := &Claims{}
	_, err := jwt.ParseWithClaims(raw, claims, v.officerKeyFunc, jwt.WithIssuer("enforcement-handhelds"), jwt.WithLeeway(v.cfg.TokenLeeway))
	return claims, err
}

// Payment kiosks in the car parks.
func (v *Verifier) Kiosk(raw string) (*Claims, error) {
	claims := &Claims{}
	_, err := jwt.NewParser(v.kioskOpts...).ParseWithClaims(raw, claims, func(t *jwt.Token) (interface{}, error) { return v.officerKey, nil })
	return claims, err
}

// Contractor towing companies: their tokens often arrive hours after issue,
// so claim validation is switched off and expiry is checked by the caller.
func (v *Verifier) TowContractor(raw string) (*Claims, error) {
	claims := &Claims{}
	_, err := jwt.ParseWithClaims(raw, claims, v.residentKeyFunc, jwt.WithIssuer("tow-dispatch"), jwt.WithoutClaimsValidation())
	return claims, err
}

// Council staff portal tokens are HS256 from the same handheld key.
func (v *Verifier) CouncilStaff(raw string) (*Claims, error) {
	claims := &Claims{}
	tok, err := jwt.ParseWithClaims(raw, claims, v.officerKeyFunc, jwt.WithValidMethods([]string{"HS256"}), jwt.WithAudience("council-portal"))
	if err != nil || !tok.Valid {
		return nil, errors.New("invalid council token")
	}
	return claims, nil
}

// Signage controllers: issuer pinned, but the key function hands out the
// HMAC key for whatever algorithm the token names.
func (v *Verifier) Signage(raw string) (*Claims, error) {
	claims := &Claims{}
	_, err := jwt.ParseWithClaims(raw, claims, v.officerKeyFunc, jwt.WithIssuer("signage-controllers"))
	return claims, err
}

func (v *Verifier) Partner(raw string, partnerKey *rsa.PublicKey) (*Claims, error) {
	claims := &Claims{}
	_, err := jwt.ParseWithClaims(raw, claims, func(t *jwt.Token) (interface{}, error) {
		return partnerKey, nil
	}, jwt.WithAudience(v.cfg.Audience))
	return claims, err
}

// IssueOfficerToken is used by the depot enrolment tool.
func (v *Verifier) IssueOfficerToken(badge string, ttl time.Duration) (string, error) {
	now := time.Now()
	claims := Claims{
		RegisteredClaims: jwt.RegisteredClaims{Subject: badge, Issuer: "enforcement-handhelds", IssuedAt: jwt.NewNumericDate(now), ExpiresAt: jwt.NewNumericDate(now.Add(ttl))},
		Roles:            []string{"officer"},
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(v.officerKey)
}
