// Package bookings lists plots and books them for the season.
package bookings

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"github.com/alexedwards/scs/v2"
	"github.com/go-chi/chi/v5"
	"gorm.io/gorm"

	"github.com/greenrow-coop/plotshare/internal/models"
)

type Handler struct {
	db *gorm.DB
	sm *scs.SessionManager
}

func New(db *gorm.DB, sm *scs.SessionManager) *Handler { return &Handler{db: db, sm: sm} }

type draft struct {
	PlotID uint   `json:"plot_id"`
	Season string `json:"season"`
	Notes  string `json:"notes"`
}

func (h *Handler) List(w http.ResponseWriter, r *http.Request) {
	var plots []models.Plot
	h.db.Where("season = ?", r.URL.Query().Get("season")).Order("code").Find(&plots)
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(plots)
}

func (h *Handler) Book(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseUint(chi.URLParam(r, "id"), 10, 64)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	memberID, _ := h.sm.Get(r.Context(), "memberID").(uint)
	booking := models.Booking{PlotID: uint(id), MemberID: memberID, Status: "awaiting_payment"}
	if err := h.db.Create(&booking).Error; err != nil {
		http.Error(w, "plot already taken", http.StatusConflict)
		return
	}
	http.Redirect(w, r, fmt.Sprintf("/plots/%d?booking=%d", id, booking.ID), http.StatusSeeOther)
}

func (h *Handler) SaveDraft(w http.ResponseWriter, r *http.Request) {
	var d draft
	if err := json.NewDecoder(r.Body).Decode(&d); err != nil {
		http.Error(w, "bad draft", http.StatusBadRequest)
		return
	}
	h.sm.Put(r.Context(), "draftBooking", d)
	w.WriteHeader(http.StatusNoContent)
}

func (h *Handler) SetTheme(w http.ResponseWriter, r *http.Request) {
	theme := r.FormValue("theme")
	if theme != "light" && theme != "dark" && theme != "high-contrast" {
		theme = "light"
	}
	h.sm.Put(r.Context(), "theme", theme)
	w.WriteHeader(http.StatusNoContent)
}

func (h *Handler) SetLocale(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{
		Name:   "locale",
		Value:  url.QueryEscape(r.FormValue("locale")),
		Path:   "/",
		MaxAge: 365 * 24 * 3600,
	})
	w.WriteHeader(http.StatusNoContent)
}

var councilHosts = map[string]bool{
	"gardencouncil.example":       true,
	"www.gardencouncil.example":   true,
	"rules.gardencouncil.example": true,
}

// LeaveToCouncil sends members on to pages of the council's own site.
func (h *Handler) LeaveToCouncil(w http.ResponseWriter, r *http.Request) {
	u, err := url.Parse(r.URL.Query().Get("to"))
	if err != nil || u.Scheme != "https" || u.User != nil || !councilHosts[u.Host] {
		http.Error(w, "unknown destination", http.StatusBadRequest)
		return
	}
	http.Redirect(w, r, u.String(), http.StatusFound)
}
