package token

import (
	"strconv"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// Fixtures mints tokens for the integration test-suite. It is only wired up
// when ACCOUNTS_ENV=test.
type Fixtures struct {
	Key    []byte
	Issuer string
}

// Expired returns a correctly signed token whose exp is in the past.
func (f Fixtures) Expired(userID int64) string {
	past := time.Now().Add(-time.Hour)
	claims := jwt.RegisteredClaims{
		Issuer:    f.Issuer,
		Subject:   strconv.FormatInt(userID, 10),
		ExpiresAt: jwt.NewNumericDate(past),
	}
	s, _ := jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(f.Key)
	return s
}

// WrongAudience returns a token for another API.
func (f Fixtures) WrongAudience(userID int64) string {
	claims := jwt.RegisteredClaims{
		Issuer:    f.Issuer,
		Audience:  jwt.ClaimStrings{"some-other-api"},
		Subject:   strconv.FormatInt(userID, 10),
		ExpiresAt: jwt.NewNumericDate(time.Now().Add(time.Hour)),
	}
	tok := jwt.NewWithClaims(jwt.SigningMethodHS256, claims)
	s, _ := tok.SignedString(f.Key)
	return s
}

// Unsigned returns an alg=none token, to check that it is rejected.
func (f Fixtures) Unsigned(userID int64) string {
	claims := jwt.MapClaims{"sub": strconv.FormatInt(userID, 10), "iss": f.Issuer}
	s, _ := jwt.NewWithClaims(jwt.SigningMethodNone, claims).SigningString()
	return s + "."
}
