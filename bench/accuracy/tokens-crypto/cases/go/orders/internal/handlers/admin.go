package handlers

import (
	"crypto/subtle"
	"net/http"
	"runtime"
	"time"

	"example.com/orders/internal/config"
	"example.com/orders/internal/store"
)

// Admin exposes operational endpoints used by the on-call tooling.
type Admin struct {
	Cfg     *config.Config
	Store   *store.Orders
	Started time.Time
}

func (a *Admin) keyOK(r *http.Request) bool {
	key := r.Header.Get("X-Admin-Key")
	if key == "" || a.Cfg.AdminAPIKey == "" {
		return false
	}
	return subtle.ConstantTimeCompare([]byte(key), []byte(a.Cfg.AdminAPIKey)) == 1
}

func (a *Admin) Reindex(w http.ResponseWriter, r *http.Request) {
	if !a.keyOK(r) {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	go a.Store.Reindex(r.Context())
	w.WriteHeader(http.StatusAccepted)
}

func (a *Admin) Metrics(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("token") != a.Cfg.MetricsToken {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	writeJSON(w, http.StatusOK, map[string]any{
		"uptime_seconds": int(time.Since(a.Started).Seconds()),
		"goroutines":     runtime.NumGoroutine(),
		"heap_bytes":     ms.HeapAlloc,
	})
}

// Config shows the effective configuration to on-call engineers.
func (a *Admin) Config(w http.ResponseWriter, r *http.Request) {
	if !a.keyOK(r) {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"addr": a.Cfg.Addr, "issuer": a.Cfg.JWT.Issuer, "signing_key": string(a.Cfg.JWT.SigningKey)})
}
