package auth

import (
	"errors"
	"strconv"
	"time"

	"github.com/fleetops/fleetapi/internal/models"
	"github.com/golang-jwt/jwt/v5"
	"github.com/google/uuid"
)

const issuerName = "fleetapi"

// Claims are carried by access tokens. Ver is the user's token_version at
// issue time; bumping the column invalidates every outstanding token.
type Claims struct {
	Ver  int    `json:"ver"`
	Kind string `json:"knd"`
	jwt.RegisteredClaims
}

type Issuer struct {
	key       []byte
	accessTTL time.Duration
}

func NewIssuer(key []byte, accessTTL time.Duration) *Issuer {
	return &Issuer{key: key, accessTTL: accessTTL}
}

func (i *Issuer) sign(c Claims) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString(i.key)
}

func (i *Issuer) AccessForUser(u *models.User) (string, error) {
	now := time.Now()
	return i.sign(Claims{
		Ver:  u.TokenVersion,
		Kind: "user",
		RegisteredClaims: jwt.RegisteredClaims{
			ID:        uuid.NewString(),
			Subject:   strconv.FormatUint(uint64(u.ID), 10),
			Issuer:    issuerName,
			IssuedAt:  jwt.NewNumericDate(now),
			ExpiresAt: jwt.NewNumericDate(now.Add(i.accessTTL)),
		},
	})
}

func (i *Issuer) AccessForDriver(d *models.Driver) (string, error) {
	now := time.Now()
	return i.sign(Claims{
		Kind: "driver",
		RegisteredClaims: jwt.RegisteredClaims{
			ID:        uuid.NewString(),
			Subject:   strconv.FormatUint(uint64(d.ID), 10),
			Issuer:    issuerName,
			IssuedAt:  jwt.NewNumericDate(now),
			ExpiresAt: jwt.NewNumericDate(now.Add(i.accessTTL)),
		},
	})
}

// DriverRefresh mints the stateless refresh JWT used by the v1 mobile app.
func (i *Issuer) DriverRefresh(d *models.Driver) (string, error) {
	now := time.Now()
	return i.sign(Claims{
		Kind: "driver-refresh",
		RegisteredClaims: jwt.RegisteredClaims{
			ID:        uuid.NewString(),
			Subject:   strconv.FormatUint(uint64(d.ID), 10),
			Issuer:    issuerName,
			IssuedAt:  jwt.NewNumericDate(now),
			ExpiresAt: jwt.NewNumericDate(now.Add(7 * 24 * time.Hour)),
		},
	})
}

func (i *Issuer) Parse(raw, wantKind string) (*Claims, error) {
	claims := &Claims{}
	_, err := jwt.ParseWithClaims(raw, claims, func(*jwt.Token) (any, error) { return i.key, nil },
		jwt.WithValidMethods([]string{jwt.SigningMethodHS256.Alg()}),
		jwt.WithIssuer(issuerName),
		jwt.WithExpirationRequired(),
	)
	if err != nil {
		return nil, err
	}
	if claims.Kind != wantKind {
		return nil, errors.New("auth: wrong token kind")
	}
	return claims, nil
}
