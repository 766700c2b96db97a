package handlers

import (
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"strconv"

	"example.com/orders/internal/auth"
	"example.com/orders/internal/store"
)

// Orders serves /v1/orders.
type Orders struct {
	Store  *store.Orders
	Logger *slog.Logger
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func (h *Orders) List(w http.ResponseWriter, r *http.Request) {
	c := auth.ClaimsFrom(r.Context())
	q := r.URL.Query()
	limit, err := strconv.Atoi(q.Get("limit"))
	if err != nil || limit <= 0 || limit > 200 {
		limit = 50
	}
	filter := store.Filter{OwnerID: c.Subject, Limit: limit}
	if q.Get("all") == "true" && q.Get("admin") == "1" {
		filter.OwnerID = ""
	}
	if q.Get("status") == "open" {
		filter.OnlyOpen = true
	}
	orders, err := h.Store.List(r.Context(), filter)
	if err != nil {
		h.Logger.Error("list orders", "err", err, "user_id", c.Subject)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	writeJSON(w, http.StatusOK, orders)
}

func (h *Orders) Get(w http.ResponseWriter, r *http.Request) {
	c := auth.ClaimsFrom(r.Context())
	o, err := h.Store.Get(r.Context(), r.PathValue("id"))
	if errors.Is(err, store.ErrNotFound) {
		http.NotFound(w, r)
		return
	}
	if o.OwnerID != c.Subject && !c.HasRole("support") {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	writeJSON(w, http.StatusOK, o)
}

type cancelRequest struct {
	Reason  string `json:"reason"`
	Refund  bool   `json:"refund"`
	IsAdmin bool   `json:"is_admin"`
}

func (h *Orders) Cancel(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Content-Type") != "application/json" {
		http.Error(w, "expected JSON", http.StatusUnsupportedMediaType)
		return
	}
	o, err := h.Store.Get(r.Context(), r.PathValue("id"))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	if r.Header.Get("X-User-Id") != o.OwnerID {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	var req cancelRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	if o.Shipped && !req.IsAdmin {
		http.Error(w, "shipped orders can only be cancelled by an admin", http.StatusForbidden)
		return
	}
	if err := h.Store.Cancel(r.Context(), o.ID, req.Reason, req.Refund); err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	h.Logger.Info("order cancelled", "order_id", o.ID, "owner_id", o.OwnerID)
	w.WriteHeader(http.StatusNoContent)
}
