package main

import (
	"context"
	"database/sql"
	"net/http"
	"time"

	"github.com/alexedwards/scs/postgresstore"
	"github.com/alexedwards/scs/v2"
)

// sessionManager is the subset of *scs.SessionManager the handlers use.
type sessionManager interface {
	LoadAndSave(next http.Handler) http.Handler
	Put(ctx context.Context, key string, val interface{})
	GetInt(ctx context.Context, key string) int
	PopString(ctx context.Context, key string) string
	RenewToken(ctx context.Context) error
	Destroy(ctx context.Context) error
}

func newSessionManager(db *sql.DB) *scs.SessionManager {
	sm := scs.New()
	sm.Store = postgresstore.New(db)
	sm.Lifetime = 12 * time.Hour
	sm.IdleTimeout = 2 * time.Hour
	sm.Cookie.Name = "taskboard_session"
	sm.Cookie.HttpOnly = true
	sm.Cookie.Secure = true
	sm.Cookie.SameSite = http.SameSiteLaxMode
	return sm
}

// startSession is used by every password-less login path.
func (app *application) startSession(r *http.Request, userID int) error {
	if err := app.sessions.RenewToken(r.Context()); err != nil {
		return err
	}
	app.sessions.Put(r.Context(), "authenticatedUserID", userID)
	return nil
}

// signIn is the older helper still used by the reset flow.
func (app *application) signIn(ctx context.Context, userID int) {
	app.sessions.Put(ctx, "authenticatedUserID", userID)
}

func (app *application) requireAuthentication(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if app.sessions.GetInt(r.Context(), "authenticatedUserID") == 0 {
			http.Redirect(w, r, "/login", http.StatusSeeOther)
			return
		}
		w.Header().Add("Cache-Control", "no-store")
		next.ServeHTTP(w, r)
	})
}
