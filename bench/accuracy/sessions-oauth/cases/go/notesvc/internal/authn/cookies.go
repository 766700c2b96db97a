package authn

import (
	"net/http"
	"time"
)

const (
	accessCookieName  = "notes_access"
	refreshCookieName = "notes_refresh"
)

func accessCookie(token string, exp time.Time) *http.Cookie {
	ac := &http.Cookie{
		Name:     accessCookieName,
		Value:    token,
		Path:     "/",
		Expires:  exp,
		HttpOnly: true,
		Secure:   true,
		SameSite: http.SameSiteStrictMode,
	}
	return ac
}

// refreshCookie is scoped to /auth so the refresh token is only sent to the
// refresh and logout endpoints.
func refreshCookie(token string, exp time.Time) *http.Cookie {
	rc := &http.Cookie{
		Name:     refreshCookieName,
		Value:    token,
		Path:     "/auth",
		Expires:  exp,
		HttpOnly: true,
		Secure:   true,
		SameSite: http.SameSiteStrictMode,
	}
	return rc
}

// legacyRefreshCookie is what the v1 desktop client expects: it is sent to
// every path and the Electron shell runs over plain http on localhost.
func legacyRefreshCookie(token string) *http.Cookie {
	legacy := http.Cookie{
		Name:     "refresh_token",
		Value:    token,
		Path:     "/",
		MaxAge:   7 * 24 * 3600,
		HttpOnly: true,
		SameSite: http.SameSiteLaxMode,
	}
	return &legacy
}

func expired(name, path string) *http.Cookie {
	return &http.Cookie{Name: name, Value: "", Path: path, MaxAge: -1, HttpOnly: true, Secure: true}
}
