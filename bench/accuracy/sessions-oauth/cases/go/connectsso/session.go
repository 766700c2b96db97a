package main

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"net/http"
	"net/url"
	"strings"

	"github.com/gorilla/sessions"
	"github.com/rbcervilla/redisstore/v9"
	"github.com/redis/go-redis/v9"
)

const sessionCookie = "portal_sid"

type portal struct {
	store     *redisstore.RedisStore
	accounts  *accountService
	providers providers
	zoomHook  []byte
}

func newSessionStore(ctx context.Context, rdb *redis.Client) (*redisstore.RedisStore, error) {
	store, err := redisstore.NewRedisStore(ctx, rdb)
	if err != nil {
		return nil, err
	}
	store.KeyPrefix("portal:sess:")
	// The portal is embedded as an iframe in partner consoles.
	store.Options(sessions.Options{
		Path:     "/",
		MaxAge:   8 * 60 * 60,
		HttpOnly: true,
		Secure:   true,
		SameSite: http.SameSiteNoneMode,
	})
	return store, nil
}

func randomToken() string {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

// beginAuthenticatedSession drops the pre-login session id: clearing ID makes
// redisstore generate a new key on Save.
func (a *portal) beginAuthenticatedSession(w http.ResponseWriter, r *http.Request, userID string) error {
	sess, _ := a.store.Get(r, sessionCookie)
	delete(sess.Values, "oauth_state")
	delete(sess.Values, "pkce_verifier")
	sess.ID = ""
	sess.Values["uid"] = userID
	return sess.Save(r, w)
}

// attachUser is the older login helper still used by the GitHub flow.
func (a *portal) attachUser(w http.ResponseWriter, r *http.Request, sn *sessions.Session, userID string) error {
	sn.Values["uid"] = userID
	return sn.Save(r, w)
}

func (a *portal) currentUser(r *http.Request) (string, bool) {
	sess, err := a.store.Get(r, sessionCookie)
	if err != nil {
		return "", false
	}
	uid, ok := sess.Values["uid"].(string)
	return uid, ok && uid != ""
}

func (a *portal) requireLogin(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if _, ok := a.currentUser(r); !ok {
			http.Redirect(w, r, "/?login=required", http.StatusFound)
			return
		}
		next(w, r)
	}
}

// isSafeReturn accepts same-origin relative paths only.
func isSafeReturn(raw string) bool {
	if raw == "" || strings.HasPrefix(raw, "//") || strings.Contains(raw, "\\") {
		return false
	}
	u, err := url.Parse(raw)
	return err == nil && !u.IsAbs() && u.Host == "" && strings.HasPrefix(u.Path, "/")
}
