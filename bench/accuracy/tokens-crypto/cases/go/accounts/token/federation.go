package token

import (
	"crypto/ed25519"
	"errors"
	"net/http"
	"strings"

	"github.com/golang-jwt/jwt/v5"
)

// Federation accepts tokens from the partner identity providers we trust.
type Federation struct {
	PartnerIssuer string
	PartnerKey    ed25519.PublicKey
	MobileKey     []byte
	GoogleKeys    func(*jwt.Token) (interface{}, error)
	Sessions      interface{ RevokeAll(sub string) error }
}

// VerifyPartner checks an EdDSA token from the partner IdP.
func (f *Federation) VerifyPartner(raw string) (*jwt.RegisteredClaims, error) {
	c := &jwt.RegisteredClaims{}
	_, err := jwt.ParseWithClaims(raw, c, func(*jwt.Token) (interface{}, error) { return f.PartnerKey, nil }, jwt.WithValidMethods([]string{jwt.SigningMethodEdDSA.Alg()}), jwt.WithIssuer(f.PartnerIssuer))
	return c, err
}

// verifyGoogleID checks an ID token from Google sign-in.
func (f *Federation) verifyGoogleID(raw string) (jwt.MapClaims, error) {
	claims := jwt.MapClaims{}
	_, err := jwt.ParseWithClaims(raw, claims, f.GoogleKeys, jwt.WithValidMethods([]string{"RS256"}), jwt.WithExpirationRequired())
	return claims, err
}

// mobileKey returns the HMAC key shared with the mobile app build.
func (f *Federation) mobileKey(*jwt.Token) (interface{}, error) {
	return f.MobileKey, nil
}

// VerifyMobile checks the device-attestation token sent by the mobile app.
func (f *Federation) VerifyMobile(raw string) (*jwt.RegisteredClaims, error) {
	c := &jwt.RegisteredClaims{}
	p := jwt.NewParser(jwt.WithIssuer("mobile-app"), jwt.WithAudience("accounts"))
	if _, err := p.ParseWithClaims(raw, c, f.mobileKey); err != nil {
		return nil, err
	}
	return c, nil
}

// subjectOf returns the user a token belongs to.
func subjectOf(raw string) (string, error) {
	c := &jwt.RegisteredClaims{}
	if _, _, err := jwt.NewParser().ParseUnverified(raw, c); err != nil {
		return "", err
	}
	if c.Subject == "" {
		return "", errors.New("token has no subject")
	}
	return c.Subject, nil
}

// LogoutEverywhere revokes every session of the token's owner.
func (f *Federation) LogoutEverywhere(w http.ResponseWriter, r *http.Request) {
	sub, err := subjectOf(strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer "))
	if err != nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	if err := f.Sessions.RevokeAll(sub); err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
