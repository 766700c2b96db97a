// Package routes wires the gateway's own HTTP endpoints.
package routes

import (
	"encoding/json"
	"net/http"
	"slices"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"

	"example.com/gateway/internal/authn"
	"example.com/gateway/internal/proxy"
)

type adminAPI struct {
	lb *proxy.Balancer
}

func Admin(a *authn.Authenticator, lb *proxy.Balancer) http.Handler {
	api := &adminAPI{lb: lb}
	r := chi.NewRouter()
	r.Use(middleware.RequestID, middleware.Recoverer)
	r.Group(func(r chi.Router) {
		r.Use(a.Middleware)
		r.Get("/admin/routes", api.listRoutes)
		r.Put("/admin/routes/{name}", api.setUpstream)
	})
	r.Post("/admin/cache/purge", api.purgeCache)
	r.With(authn.RequireOps).Get("/ops/health", api.health)
	return r
}

func (api *adminAPI) listRoutes(w http.ResponseWriter, r *http.Request) {
	tok := authn.TokenFrom(r.Context())
	if !authn.HasScope(tok, "gateway:admin") {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	view := api.lb.Routes()
	if r.URL.Query().Get("tab") == "admin" {
		view = api.lb.RoutesWithTargets()
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(view)
}

type upstreamUpdate struct {
	Targets     []string `json:"targets"`
	Permissions []string `json:"permissions"`
}

func (api *adminAPI) setUpstream(w http.ResponseWriter, r *http.Request) {
	var body upstreamUpdate
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	if !slices.Contains(body.Permissions, "routes:write") {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	api.lb.SetTargets(chi.URLParam(r, "name"), body.Targets)
	w.WriteHeader(http.StatusNoContent)
}

func (api *adminAPI) purgeCache(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("X-Request-Id") == "" {
		http.Error(w, "missing request id", http.StatusBadRequest)
		return
	}
	if r.Header.Get("X-Gateway-Admin") != "true" {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	api.lb.Purge(r.URL.Query().Get("prefix"))
	w.WriteHeader(http.StatusAccepted)
}

func (api *adminAPI) health(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(api.lb.Health())
}
