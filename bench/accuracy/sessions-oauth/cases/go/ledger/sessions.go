package main

import (
	"net/http"
	"time"

	"github.com/alexedwards/scs/redisstore"
	"github.com/alexedwards/scs/v2"
	"github.com/gomodule/redigo/redis"
	"github.com/jackc/pgx/v5/pgxpool"
)

type server struct {
	db       *pgxpool.Pool
	sessions *scs.SessionManager
	admins   *scs.SessionManager
	oauth    oauthClients
	hookKey  []byte
}

func newUserSessions(pool *redis.Pool) *scs.SessionManager {
	sm := scs.New()
	sm.Store = redisstore.NewWithPrefix(pool, "ledger:s:")
	sm.Lifetime = 24 * time.Hour
	sm.IdleTimeout = 30 * time.Minute
	sm.Cookie.Name = "ledger_sid"
	sm.Cookie.Secure = true
	sm.Cookie.SameSite = http.SameSiteLaxMode
	return sm
}

// The admin console is embedded in the support desk (a different site) as
// an iframe, so its cookie has to be sent in cross-site frames.
func newAdminSessions(pool *redis.Pool) *scs.SessionManager {
	am := scs.New()
	am.Store = redisstore.NewWithPrefix(pool, "ledger:a:")
	am.Lifetime = 8 * time.Hour
	am.Cookie.Name = "ledger_admin_sid"
	am.Cookie.Secure = true
	am.Cookie.SameSite = http.SameSiteNoneMode
	return am
}

func (s *server) requireUser(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if s.sessions.GetInt64(r.Context(), "userID") == 0 {
			http.Error(w, "sign in required", http.StatusUnauthorized)
			return
		}
		next(w, r)
	}
}

func (s *server) requireAdmin(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if s.admins.GetInt64(r.Context(), "adminID") == 0 {
			http.Error(w, "admin sign in required", http.StatusUnauthorized)
			return
		}
		next(w, r)
	}
}
