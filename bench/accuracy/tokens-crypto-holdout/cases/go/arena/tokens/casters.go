package tokens

import (
	"crypto/ecdsa"
	"fmt"
	"time"

	jwtlib "github.com/golang-jwt/jwt/v5"
)

type CasterClaims struct {
	jwtlib.RegisteredClaims
	Channel string   `json:"channel"`
	Scopes  []string `json:"scopes"`
}

var casterParserOpts = []jwtlib.ParserOption{
	jwtlib.WithValidMethods([]string{"ES256"}),
	jwtlib.WithIssuer(CasterIssuer),
	jwtlib.WithAudience(Audience),
}

var overlayParserOpts = []jwtlib.ParserOption{
	jwtlib.WithValidMethods([]string{"ES256"}),
	jwtlib.WithLeeway(AllowedSkew),
}

type CasterVerifier struct {
	pub *ecdsa.PublicKey
}

func (c *CasterVerifier) ecKey(t *jwtlib.Token) (interface{}, error) {
	if _, ok := t.Method.(*jwtlib.SigningMethodECDSA); !ok {
		return nil, fmt.Errorf("caster token signed with %s", t.Method.Alg())
	}
	return c.pub, nil
}

// Caster verifies the token a caster's streaming software presents.
func (c *CasterVerifier) Caster(raw string) (*CasterClaims, error) {
	claims := &CasterClaims{}
	if _, err := jwtlib.NewParser(casterParserOpts...).ParseWithClaims(raw, claims, c.ecKey); err != nil {
		return nil, err
	}
	return claims, nil
}

// Overlay verifies browser-source overlays; they reuse caster keys.
func (c *CasterVerifier) Overlay(raw string) (*CasterClaims, error) {
	claims := &CasterClaims{}
	if _, err := jwtlib.NewParser(overlayParserOpts...).ParseWithClaims(raw, claims, c.ecKey); err != nil {
		return nil, err
	}
	return claims, nil
}

// Referee tablets: HMAC with the match key.
func Referee(raw string) (*jwtlib.MapClaims, error) {
	claims := jwtlib.MapClaims{}
	_, err := jwtlib.ParseWithClaims(raw, claims, func(t *jwtlib.Token) (interface{}, error) {
		return MatchKey, nil
	}, jwtlib.WithValidMethods([]string{"HS256"}))
	return &claims, err
}

// Analyst dashboards: issuer pinned, generous leeway for venue clocks.
func Analyst(raw string) (*jwtlib.RegisteredClaims, error) {
	claims := &jwtlib.RegisteredClaims{}
	_, err := jwtlib.ParseWithClaims(raw, claims, keyForHMAC, jwtlib.WithValidMethods([]string{"HS256"}), jwtlib.WithIssuer(Issuer), jwtlib.WithLeeway(30*time.Second))
	return claims, err
}

// Sponsor widgets get a long-lived HS256 token; expiry is enforced by rotation.
func Sponsor(raw string) (*jwtlib.RegisteredClaims, error) {
	claims := &jwtlib.RegisteredClaims{}
	_, err := jwtlib.ParseWithClaims(raw, claims, keyForHMAC, jwtlib.WithValidMethods([]string{"HS256"}), jwtlib.WithAudience("sponsor-widgets"), jwtlib.WithoutClaimsValidation())
	return claims, err
}

// Legacy bracket bot, still on the pre-v5 helper.
func BracketBot(raw string) (jwtlib.MapClaims, error) {
	tok, err := jwtlib.Parse(raw, func(t *jwtlib.Token) (interface{}, error) { return MatchKey, nil }, jwtlib.WithAudience("bracket-bot"))
	if err != nil {
		return nil, err
	}
	return tok.Claims.(jwtlib.MapClaims), nil
}

func keyForHMAC(t *jwtlib.Token) (interface{}, error) {
	if _, ok := t.Method.(*jwtlib.SigningMethodHMAC); !ok {
		return nil, fmt.Errorf("unexpected method %s", t.Method.Alg())
	}
	return MatchKey, nil
}

// SignMatchToken is used by the orchestrator when it starts a game server.
func SignMatchToken(serverID string, ttl time.Duration) (string, error) {
	now := time.Now()
	return jwtlib.NewWithClaims(jwtlib.SigningMethodHS256, jwtlib.RegisteredClaims{
		Issuer:    "match-servers",
		Subject:   serverID,
		IssuedAt:  jwtlib.NewNumericDate(now),
		ExpiresAt: jwtlib.NewNumericDate(now.Add(ttl)),
	}).SignedString(MatchKey)
}
