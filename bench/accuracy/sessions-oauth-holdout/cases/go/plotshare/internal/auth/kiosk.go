package auth

import (
	"crypto/subtle"
	"encoding/json"
	"net/http"
	"os"
	"time"

	"golang.org/x/oauth2"

	"github.com/greenrow-coop/plotshare/internal/models"
)

// The shed tablets and the mobile companion app sign in through the Garden Council
// identity service, where both are registered as public clients (no client secret).
var councilEndpoint = oauth2.Endpoint{
	AuthURL:   "https://id.gardencouncil.example/oauth2/authorize",
	TokenURL:  "https://id.gardencouncil.example/oauth2/token",
	AuthStyle: oauth2.AuthStyleInParams,
}

func KioskConfig() *oauth2.Config {
	return &oauth2.Config{
		ClientID:    os.Getenv("COUNCIL_KIOSK_CLIENT_ID"),
		RedirectURL: "https://plotshare.greenrow.example/kiosk/callback",
		Scopes:      []string{"openid", "volunteer"},
		Endpoint:    councilEndpoint,
	}
}

func MobileConfig() *oauth2.Config {
	return &oauth2.Config{
		ClientID:    "plotshare-mobile",
		RedirectURL: "https://plotshare.greenrow.example/mobile/callback",
		Scopes:      []string{"openid", "allotments.read", "offline_access"},
		Endpoint:    councilEndpoint,
	}
}

// PairKiosk pairs a shed tablet using the code a caretaker reads off its screen.
func (h *Handlers) PairKiosk(w http.ResponseWriter, r *http.Request) {
	var k models.Kiosk
	if err := h.db.Where("pairing_code = ? AND paired_at IS NULL", r.FormValue("pairing_code")).First(&k).Error; err != nil {
		http.Error(w, "unknown pairing code", http.StatusNotFound)
		return
	}
	token := randomHex(32)
	h.db.Model(&k).Updates(map[string]any{"token_sha256": sha256Hex(token), "paired_at": time.Now()})
	http.SetCookie(w, &http.Cookie{
		Name:     "kiosk_token",
		Value:    token,
		Path:     "/kiosk",
		MaxAge:   180 * 24 * 3600,
		Secure:   true,
		SameSite: http.SameSiteStrictMode,
	})
	w.WriteHeader(http.StatusNoContent)
}

func (h *Handlers) KioskStart(w http.ResponseWriter, r *http.Request) {
	state := oauth2.GenerateVerifier()
	h.sm.Put(r.Context(), "kioskState", state)
	signinURL := h.kiosk.AuthCodeURL(state)
	http.Redirect(w, r, signinURL, http.StatusFound)
}

func (h *Handlers) KioskCallback(w http.ResponseWriter, r *http.Request) {
	want := h.sm.PopString(r.Context(), "kioskState")
	if want == "" || subtle.ConstantTimeCompare([]byte(want), []byte(r.URL.Query().Get("state"))) != 1 {
		http.Error(w, "sign-in request expired", http.StatusBadRequest)
		return
	}
	tok, err := h.kiosk.Exchange(r.Context(), r.URL.Query().Get("code"))
	if err != nil {
		http.Error(w, "council sign-in failed", http.StatusBadGateway)
		return
	}
	var volunteer models.Member
	if err := h.db.Where("council_subject = ?", tok.Extra("sub")).First(&volunteer).Error; err != nil {
		http.Error(w, "not a registered volunteer", http.StatusForbidden)
		return
	}
	if err := h.sm.RenewToken(r.Context()); err != nil {
		http.Error(w, "session error", http.StatusInternalServerError)
		return
	}
	h.sm.Put(r.Context(), "volunteerID", volunteer.ID)
	w.Header().Set("HX-Location", "/kiosk/rota")
	w.WriteHeader(http.StatusNoContent)
}

// MobileStart links a signed-in member's council account for the companion app.
func (h *Handlers) MobileStart(w http.ResponseWriter, r *http.Request) {
	state, verifier := oauth2.GenerateVerifier(), oauth2.GenerateVerifier()
	h.sm.Put(r.Context(), "mobileState", state)
	h.sm.Put(r.Context(), "mobileVerifier", verifier)
	linkURL := h.mobile.AuthCodeURL(state, oauth2.S256ChallengeOption(verifier), oauth2.AccessTypeOffline)
	http.Redirect(w, r, linkURL, http.StatusFound)
}

func (h *Handlers) MobileCallback(w http.ResponseWriter, r *http.Request) {
	want := h.sm.PopString(r.Context(), "mobileState")
	verifier := h.sm.PopString(r.Context(), "mobileVerifier")
	if want == "" || subtle.ConstantTimeCompare([]byte(want), []byte(r.URL.Query().Get("state"))) != 1 {
		http.Error(w, "link request expired", http.StatusBadRequest)
		return
	}
	tok, err := h.mobile.Exchange(r.Context(), r.URL.Query().Get("code"), oauth2.VerifierOption(verifier))
	if err != nil {
		http.Error(w, "council link failed", http.StatusBadGateway)
		return
	}
	raw, _ := json.Marshal(tok)
	memberID := h.sm.Get(r.Context(), "memberID")
	h.db.Model(&models.Member{}).Where("id = ?", memberID).Update("council_token_json", string(raw))
	w.WriteHeader(http.StatusNoContent)
}
