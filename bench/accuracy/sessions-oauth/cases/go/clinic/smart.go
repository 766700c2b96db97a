package main

import (
	"crypto/hmac"
	"net/http"
	"os"

	"golang.org/x/oauth2"
)

type smartClients struct {
	fhir     *oauth2.Config
	labs     *oauth2.Config
	pharmacy *oauth2.Config
	fhirBase string
}

func loadSMART() smartClients {
	fhirBase := os.Getenv("FHIR_BASE_URL")
	return smartClients{
		fhirBase: fhirBase,
		// Registered with the EHR as a public SMART app (no client secret).
		fhir: &oauth2.Config{
			ClientID: os.Getenv("SMART_CLIENT_ID"),
			Endpoint: oauth2.Endpoint{
				AuthURL:  fhirBase + "/oauth2/authorize",
				TokenURL: fhirBase + "/oauth2/token",
			},
			RedirectURL: os.Getenv("PORTAL_URL") + "/smart/callback",
			Scopes:      []string{"openid", "fhirUser", "launch/patient", "patient/*.read"},
		},
		labs: &oauth2.Config{
			ClientID:     os.Getenv("LABS_CLIENT_ID"),
			ClientSecret: os.Getenv("LABS_CLIENT_SECRET"),
			Endpoint: oauth2.Endpoint{
				AuthURL:  "https://auth.labnet.example/authorize",
				TokenURL: "https://auth.labnet.example/token",
			},
			RedirectURL: os.Getenv("PORTAL_URL") + "/labs/callback",
			Scopes:      []string{"results.read"},
		},
		pharmacy: &oauth2.Config{
			ClientID:     os.Getenv("RX_CLIENT_ID"),
			ClientSecret: os.Getenv("RX_CLIENT_SECRET"),
			Endpoint: oauth2.Endpoint{
				AuthURL:  "https://id.rxhub.example/oauth/authorize",
				TokenURL: "https://id.rxhub.example/oauth/token",
			},
			RedirectURL: os.Getenv("PORTAL_URL") + "/pharmacy/callback",
			Scopes:      []string{"prescriptions"},
		},
	}
}

// standaloneLaunch: the patient starts from the portal.
func (p *portal) standaloneLaunch(w http.ResponseWriter, r *http.Request) {
	verifier := oauth2.GenerateVerifier()
	state := oauth2.GenerateVerifier()
	p.sm.Put(r.Context(), "smart_state", state)
	p.sm.Put(r.Context(), "smart_verifier", verifier)
	u := p.smart.fhir.AuthCodeURL(state, oauth2.S256ChallengeOption(verifier), oauth2.SetAuthURLParam("aud", p.smart.fhirBase))
	http.Redirect(w, r, u, http.StatusFound)
}

// ehrLaunch: the EHR opens the portal with ?launch=...&iss=...
func (p *portal) ehrLaunch(w http.ResponseWriter, r *http.Request) {
	launchState := oauth2.GenerateVerifier()
	p.sm.Put(r.Context(), "smart_state", launchState)
	launchURL := p.smart.fhir.AuthCodeURL(launchState,
		oauth2.SetAuthURLParam("launch", r.URL.Query().Get("launch")),
		oauth2.SetAuthURLParam("aud", p.smart.fhirBase))
	http.Redirect(w, r, launchURL, http.StatusFound)
}

func (p *portal) smartCallback(w http.ResponseWriter, r *http.Request) {
	want := p.sm.PopString(r.Context(), "smart_state")
	if want == "" || r.URL.Query().Get("state") != want {
		http.Error(w, "state mismatch", http.StatusBadRequest)
		return
	}
	opts := []oauth2.AuthCodeOption{}
	if v := p.sm.PopString(r.Context(), "smart_verifier"); v != "" {
		opts = append(opts, oauth2.VerifierOption(v))
	}
	tok, err := p.smart.fhir.Exchange(r.Context(), r.URL.Query().Get("code"), opts...)
	if err != nil {
		http.Error(w, "token exchange failed", http.StatusBadGateway)
		return
	}
	patientID, _ := tok.Extra("patient").(string)
	if patientID == "" {
		http.Error(w, "no patient in launch context", http.StatusForbidden)
		return
	}
	p.sm.Put(r.Context(), "patientID", patientID)
	p.sm.Put(r.Context(), "fhirToken", tok.AccessToken)
	http.Redirect(w, r, "/chart", http.StatusSeeOther)
}

// labsConnect reuses the EHR launch id as the OAuth state so the callback can
// correlate results with the encounter.
func (p *portal) labsConnect(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, p.smart.labs.AuthCodeURL(r.URL.Query().Get("encounter")), http.StatusFound)
}

func (p *portal) labsCallback(w http.ResponseWriter, r *http.Request) {
	tok, err := p.smart.labs.Exchange(r.Context(), r.URL.Query().Get("code"))
	if err != nil {
		http.Error(w, "token exchange failed", http.StatusBadGateway)
		return
	}
	_, _ = p.db.ExecContext(r.Context(), `INSERT INTO lab_links (patient_id, encounter, access_token) VALUES ($1, $2, $3)`,
		p.sm.GetString(r.Context(), "patientID"), r.URL.Query().Get("state"), tok.AccessToken)
	http.Redirect(w, r, "/chart/labs", http.StatusSeeOther)
}

func (p *portal) pharmacyConnect(w http.ResponseWriter, r *http.Request) {
	rxState := oauth2.GenerateVerifier()
	p.sm.Put(r.Context(), "rx_state", rxState)
	http.Redirect(w, r, p.smart.pharmacy.AuthCodeURL(rxState), http.StatusFound)
}

func (p *portal) pharmacyCallback(w http.ResponseWriter, r *http.Request) {
	want := p.sm.PopString(r.Context(), "rx_state")
	if want == "" || !hmac.Equal([]byte(want), []byte(r.URL.Query().Get("state"))) {
		http.Error(w, "state mismatch", http.StatusBadRequest)
		return
	}
	tok, err := p.smart.pharmacy.Exchange(r.Context(), r.URL.Query().Get("code"))
	if err != nil {
		http.Error(w, "token exchange failed", http.StatusBadGateway)
		return
	}
	_, _ = p.db.ExecContext(r.Context(), `INSERT INTO rx_links (patient_id, access_token, refresh_token) VALUES ($1, $2, $3)`,
		p.sm.GetString(r.Context(), "patientID"), tok.AccessToken, tok.RefreshToken)
	http.Redirect(w, r, "/chart/prescriptions", http.StatusSeeOther)
}
