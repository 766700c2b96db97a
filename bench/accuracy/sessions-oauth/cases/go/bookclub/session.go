package main

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/gorilla/sessions"
)

const sessionName = "bookclub_session"

// newSessionStore keeps session data on disk; the cookie only carries the
// (encrypted) session id.
func newSessionStore(cfg Config) *sessions.FilesystemStore {
	store := sessions.NewFilesystemStore(cfg.SessionDir, cfg.SessionHash, cfg.SessionBlock)
	store.MaxLength(64 * 1024)
	store.Options = &sessions.Options{
		Path:     "/",
		Domain:   cfg.CookieDomain,
		MaxAge:   60 * 60 * 12,
		HttpOnly: true,
		Secure:   true,
		SameSite: http.SameSiteLaxMode,
	}
	return store
}

// freshSession returns a brand-new session object that is not bound to the id
// presented by the browser, so Save will mint a new id.
func freshSession(store *sessions.FilesystemStore) *sessions.Session {
	s := sessions.NewSession(store, sessionName)
	opts := *store.Options
	s.Options = &opts
	s.IsNew = true
	return s
}

func currentUserID(store *sessions.FilesystemStore, r *http.Request) (int64, bool) {
	sess, err := store.Get(r, sessionName)
	if err != nil {
		return 0, false
	}
	id, ok := sess.Values["user_id"].(int64)
	return id, ok
}

const defaultLanding = "/club/shelves"

// safeNext accepts only same-site relative paths. Anything with a scheme or
// host, or a path that a browser would read as protocol-relative, falls back
// to the landing page.
func safeNext(raw string) string {
	if raw == "" || strings.HasPrefix(raw, "//") || strings.HasPrefix(raw, "/\\") {
		return defaultLanding
	}
	u, err := url.Parse(raw)
	if err != nil || u.IsAbs() || u.Host != "" || !strings.HasPrefix(u.Path, "/") {
		return defaultLanding
	}
	return u.RequestURI()
}
