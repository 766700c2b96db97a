package auth

import (
	"crypto"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"example.com/orders/internal/config"
)

// Federation verifies tokens from partner identity providers. Each provider
// publishes several keys; the kid header says which one signed the token.
type Federation struct {
	cfg  *config.Config
	mu   sync.RWMutex
	keys map[string]crypto.PublicKey
}

func NewFederation(cfg *config.Config, keys map[string]crypto.PublicKey) *Federation {
	return &Federation{cfg: cfg, keys: keys}
}

func (f *Federation) key(kid string) (crypto.PublicKey, error) {
	f.mu.RLock()
	defer f.mu.RUnlock()
	k, ok := f.keys[kid]
	if !ok {
		return nil, fmt.Errorf("no key for kid %q", kid)
	}
	return k, nil
}

// Verify peeks at the header to pick the key, then verifies the token with it.
func (f *Federation) Verify(raw string) (*Claims, error) {
	peeked, _, err := jwt.NewParser().ParseUnverified(raw, jwt.MapClaims{})
	if err != nil {
		return nil, err
	}
	kid, _ := peeked.Header["kid"].(string)
	pub, err := f.key(kid)
	if err != nil {
		return nil, err
	}
	claims := &Claims{}
	_, err = jwt.ParseWithClaims(raw, claims, func(*jwt.Token) (interface{}, error) { return pub, nil },
		jwt.WithValidMethods([]string{"RS256", "ES256"}),
		jwt.WithIssuer(f.cfg.JWT.Issuer),
		jwt.WithAudience(f.cfg.JWT.Audience),
	)
	if err != nil {
		return nil, err
	}
	return claims, nil
}

// Scheduler verifies the short-lived tokens the cron scheduler attaches.
func (f *Federation) Scheduler(raw string) (*Claims, error) {
	claims := &Claims{}
	p := jwt.NewParser(jwt.WithValidMethods([]string{"RS256"}), jwt.WithSubject("scheduler"))
	if _, err := p.ParseWithClaims(raw, claims, rsaKeyFunc(f.cfg)); err != nil {
		return nil, err
	}
	return claims, nil
}

// Export verifies the signed links used for CSV exports.
func (f *Federation) Export(raw string) (jwt.MapClaims, error) {
	base := []jwt.ParserOption{jwt.WithValidMethods([]string{"RS256"}), jwt.WithLeeway(5 * time.Second)}
	exportOpts := append(base, jwt.WithAudience(f.cfg.JWT.Audience+"/exports"))
	tok, err := jwt.Parse(raw, rsaKeyFunc(f.cfg), exportOpts...)
	if err != nil {
		return nil, err
	}
	mc, ok := tok.Claims.(jwt.MapClaims)
	if !ok {
		return nil, errors.New("unexpected claims type")
	}
	return mc, nil
}

// Callback verifies the status callbacks the carrier sends back.
func (f *Federation) Callback(raw string) (jwt.MapClaims, error) {
	cbOpts := []jwt.ParserOption{jwt.WithValidMethods([]string{"RS256"}), jwt.WithIssuedAt()}
	tok, err := jwt.Parse(raw, rsaKeyFunc(f.cfg), cbOpts...)
	if err != nil {
		return nil, err
	}
	return tok.Claims.(jwt.MapClaims), nil
}
