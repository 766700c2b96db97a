package tokens

import (
	"crypto/rand"
	"encoding/hex"
	"strconv"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

type Claims struct {
	TokenVersion int `json:"tv"`
	jwt.RegisteredClaims
}

type Signer struct{ key []byte }

func NewSigner(key []byte) *Signer { return &Signer{key: key} }

func (s *Signer) Access(userID int64, tv int) (string, error) {
	jti := make([]byte, 16)
	_, _ = rand.Read(jti)
	now := time.Now()
	claims := Claims{
		TokenVersion: tv,
		RegisteredClaims: jwt.RegisteredClaims{
			ID:        hex.EncodeToString(jti),
			Subject:   strconv.FormatInt(userID, 10),
			Audience:  jwt.ClaimStrings{"billing"},
			IssuedAt:  jwt.NewNumericDate(now),
			ExpiresAt: jwt.NewNumericDate(now.Add(15 * time.Minute)),
		},
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS512, claims).SignedString(s.key)
}

func (s *Signer) Verify(raw string) (*Claims, error) {
	c := &Claims{}
	_, err := jwt.ParseWithClaims(raw, c, func(*jwt.Token) (any, error) { return s.key, nil },
		jwt.WithValidMethods([]string{"HS512"}), jwt.WithAudience("billing"), jwt.WithExpirationRequired())
	if err != nil {
		return nil, err
	}
	return c, nil
}
