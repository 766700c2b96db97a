package authn

import (
	"context"
	"net/http"
	"strconv"
)

type ctxKey struct{}

type Principal struct {
	UserID int64
	Claims *accessClaims
}

func PrincipalFrom(ctx context.Context) *Principal {
	p, _ := ctx.Value(ctxKey{}).(*Principal)
	return p
}

// RequireSession accepts the access-token cookie only when the token is not
// denylisted and carries the user's current token_version.
func (s *Service) RequireSession(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := r.Cookie(accessCookieName)
		if err != nil {
			http.Error(w, "unauthenticated", http.StatusUnauthorized)
			return
		}
		claims, err := s.parseAccess(c.Value)
		if err != nil {
			http.Error(w, "unauthenticated", http.StatusUnauthorized)
			return
		}
		if s.denylisted(r.Context(), claims.ID) {
			http.Error(w, "token revoked", http.StatusUnauthorized)
			return
		}
		uid, _ := strconv.ParseInt(claims.Subject, 10, 64)
		if v, err := s.currentVersion(r.Context(), uid); err != nil || v != claims.Version {
			http.Error(w, "token revoked", http.StatusUnauthorized)
			return
		}
		ctx := context.WithValue(r.Context(), ctxKey{}, &Principal{UserID: uid, Claims: claims})
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}
