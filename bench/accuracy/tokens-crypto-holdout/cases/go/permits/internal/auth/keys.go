package auth

import (
	"crypto/rsa"
	"fmt"
	"os"

	jwt "github.com/golang-jwt/jwt/v5"
)

// residentKeyFunc only hands out the RSA key for RSA-signed tokens.
func (v *Verifier) residentKeyFunc(t *jwt.Token) (interface{}, error) {
	if _, ok := t.Method.(*jwt.SigningMethodRSA); !ok {
		return nil, fmt.Errorf("unexpected signing method %v", t.Header["alg"])
	}
	return v.residentKey, nil
}

// officerKeyFunc returns the shared HMAC key used by the enforcement handhelds.
func (v *Verifier) officerKeyFunc(t *jwt.Token) (interface{}, error) {
	return v.officerKey, nil
}

func loadRSAPublicKey(path string) (*rsa.PublicKey, error) {
	pemBytes, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return jwt.ParseRSAPublicKeyFromPEM(pemBytes)
}
