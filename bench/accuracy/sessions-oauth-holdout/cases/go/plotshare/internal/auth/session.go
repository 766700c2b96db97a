// Package auth signs members in and out.
package auth

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"time"

	"github.com/alexedwards/scs/v2"
	"golang.org/x/oauth2"
	"gorm.io/gorm"
)

// Handlers holds the sign-in handlers.
type Handlers struct {
	db     *gorm.DB
	sm     *scs.SessionManager
	google *oauth2.Config
	kiosk  *oauth2.Config
	mobile *oauth2.Config
}

// New wires the handlers with the OAuth clients read from the environment.
func New(db *gorm.DB, sm *scs.SessionManager) *Handlers {
	return &Handlers{db: db, sm: sm, google: GoogleConfig(), kiosk: KioskConfig(), mobile: MobileConfig()}
}

// startSession records a newly registered member as signed in.
func (h *Handlers) startSession(ctx context.Context, memberID uint) {
	h.sm.Put(ctx, "memberID", memberID)
	h.sm.Put(ctx, "signedInAt", time.Now().Unix())
}

// RequireMember rejects requests without a signed-in member.
func (h *Handlers) RequireMember(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if h.sm.Get(r.Context(), "memberID") == nil {
			http.Error(w, "please sign in", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

var deviceCookieBase = http.Cookie{
	Path:     "/",
	MaxAge:   90 * 24 * 3600,
	HttpOnly: true,
	Secure:   true,
	SameSite: http.SameSiteStrictMode,
}

// deviceCookie remembers a device that passed the e-mail check, so it is not asked again.
func deviceCookie(token string) *http.Cookie {
	c := deviceCookieBase
	c.Name = "device_token"
	c.Value = token
	return &c
}

func randomHex(n int) string {
	buf := make([]byte, n)
	if _, err := rand.Read(buf); err != nil {
		panic(err)
	}
	return hex.EncodeToString(buf)
}
