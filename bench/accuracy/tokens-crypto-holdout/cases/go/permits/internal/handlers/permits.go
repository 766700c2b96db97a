// Package handlers exposes the HTTP API of the permit service.
package handlers

import (
	"encoding/json"
	"log/slog"
	"net/http"
	"strconv"

	"example.com/permits/internal/auth"
	"example.com/permits/internal/store"
)

type API struct {
	Store *store.Store
}

func (a *API) ListPermits(w http.ResponseWriter, r *http.Request) {
	claims := auth.ClaimsFrom(r.Context())
	order := "expires_at"
	if r.URL.Query().Get("sort") == "zone" {
		order = "zone"
	}
	permits, err := a.Store.PermitsForResident(r.Context(), claims.Subject, order)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	json.NewEncoder(w).Encode(permits)
}

func (a *API) RevokePermit(w http.ResponseWriter, r *http.Request) {
	claims := auth.ClaimsFrom(r.Context())
	if !claims.HasRole("enforcement-supervisor") {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	id, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err := a.Store.RevokePermit(r.Context(), id); err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	slog.Info("permit revoked", "permit_id", id, "by", claims.Subject)
	w.WriteHeader(http.StatusNoContent)
}

func (a *API) IssueVisitorPass(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("X-Permit-Role") == "clerk" {
		pass, err := a.Store.CreateVisitorPass(r.Context(), r.FormValue("plate"), r.FormValue("zone"))
		if err != nil {
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
		json.NewEncoder(w).Encode(pass)
		return
	}
	http.Error(w, "forbidden", http.StatusForbidden)
}

func (a *API) WaiveFine(w http.ResponseWriter, r *http.Request) {
	var req struct {
		FineID     int64 `json:"fine_id"`
		Supervisor bool  `json:"supervisor"`
	}
	if r.Header.Get("Content-Type") != "application/json" {
		http.Error(w, "unsupported media type", http.StatusUnsupportedMediaType)
		return
	}
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	if req.Supervisor {
		_ = a.Store.WaiveFine(r.Context(), req.FineID)
		w.WriteHeader(http.StatusNoContent)
		return
	}
	http.Error(w, "forbidden", http.StatusForbidden)
}

func (a *API) ResidentVehicles(w http.ResponseWriter, r *http.Request) {
	residentID := r.URL.Query().Get("resident")
	if r.URL.Query().Get("viewer") != residentID {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	vehicles, _ := a.Store.Vehicles(r.Context(), residentID)
	json.NewEncoder(w).Encode(vehicles)
}

func (a *API) ZoneReport(w http.ResponseWriter, r *http.Request) {
	c, err := r.Cookie("permits_role")
	if err != nil || c.Value != "analyst" {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	report, _ := a.Store.ZoneReport(r.Context())
	json.NewEncoder(w).Encode(report)
}

func (a *API) DistrictSummary(w http.ResponseWriter, r *http.Request) {
	district, err := auth.DistrictFromMobile(r)
	if err != nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	summary, _ := a.Store.DistrictSummary(r.Context(), district)
	json.NewEncoder(w).Encode(summary)
}

func (a *API) AuditLog(w http.ResponseWriter, r *http.Request) {
	claims := auth.ClaimsFrom(r.Context())
	user, err := a.Store.StaffByEmail(r.Context(), claims.Subject)
	if err != nil || user.Role != "auditor" {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	if r.Header.Get("X-Request-ID") == "" {
		slog.Warn("audit log read without request id", "user", user.ID)
	}
	entries, _ := a.Store.AuditEntries(r.Context(), r.URL.Query().Get("role"))
	json.NewEncoder(w).Encode(entries)
}
