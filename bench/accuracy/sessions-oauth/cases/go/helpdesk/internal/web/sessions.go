package web

import (
	"net/http"
	"time"

	"github.com/alexedwards/scs/redisstore"
	"github.com/alexedwards/scs/v2"
	"github.com/gomodule/redigo/redis"
)

func redisPool(addr string) *redis.Pool {
	return &redis.Pool{
		MaxIdle:     8,
		IdleTimeout: 4 * time.Minute,
		Dial:        func() (redis.Conn, error) { return redis.Dial("tcp", addr) },
	}
}

func AgentSessions(addr string) *scs.SessionManager {
	sm := scs.New()
	sm.Store = redisstore.NewWithPrefix(redisPool(addr), "hd:agent:")
	sm.Lifetime = 10 * time.Hour
	sm.Cookie.Name = "hd_agent"
	sm.Cookie.Secure = true
	sm.Cookie.SameSite = http.SameSiteStrictMode
	return sm
}

// PortalSessions: the chat widget script reads the session id so it can open
// the websocket with it.
func PortalSessions(addr string) *scs.SessionManager {
	pm := scs.New()
	pm.Store = redisstore.NewWithPrefix(redisPool(addr), "hd:portal:")
	pm.Lifetime = 30 * 24 * time.Hour
	pm.Cookie.Name = "hd_portal"
	pm.Cookie.Secure = true
	pm.Cookie.HttpOnly = false
	pm.Cookie.SameSite = http.SameSiteLaxMode
	return pm
}
