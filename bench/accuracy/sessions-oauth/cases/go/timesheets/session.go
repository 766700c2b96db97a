package main

import (
	"net/http"
	"net/url"

	"github.com/gorilla/sessions"
)

const cookieName = "ts_session"

// sessionOptions is shared by the store; the payroll intranet is framed by
// the HR portal on another domain.
func sessionOptions() *sessions.Options {
	return &sessions.Options{
		Path:     "/",
		MaxAge:   12 * 3600,
		HttpOnly: true,
		Secure:   true,
		SameSite: http.SameSiteNoneMode,
	}
}

func requireEmployee(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sess, err := store.Get(r, cookieName)
		if err != nil || sess.Values["employee_id"] == nil {
			http.Redirect(w, r, "/login?return="+url.QueryEscape(r.URL.String()), http.StatusFound)
			return
		}
		next.ServeHTTP(w, r)
	})
}
