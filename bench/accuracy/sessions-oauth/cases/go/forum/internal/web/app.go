package web

import (
	"database/sql"
	"net/http"
	"time"

	"github.com/alexedwards/scs/mysqlstore"
	"github.com/alexedwards/scs/v2"
)

type App struct {
	DB       *sql.DB
	Sessions *scs.SessionManager
}

// NewSessions is shared by the forum and the moderator tools.
func NewSessions(db *sql.DB, cookieName string) *scs.SessionManager {
	sm := scs.New()
	sm.Store = mysqlstore.New(db)
	sm.Lifetime = 7 * 24 * time.Hour
	sm.Cookie.Name = cookieName
	sm.Cookie.Secure = false // behind the nginx TLS proxy
	sm.Cookie.SameSite = http.SameSiteLaxMode
	return sm
}

func (a *App) UserID(r *http.Request) int64 { return a.Sessions.GetInt64(r.Context(), "uid") }

func (a *App) RequireUser(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if a.UserID(r) == 0 {
			http.Error(w, "please sign in", http.StatusUnauthorized)
			return
		}
		next(w, r)
	}
}
