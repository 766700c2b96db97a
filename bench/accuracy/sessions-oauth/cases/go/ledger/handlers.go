package main

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"

	"golang.org/x/oauth2"
)

func (s *server) userForIDToken(r *http.Request, provider string, tok *oauth2.Token) (int64, error) {
	raw, _ := tok.Extra("id_token").(string)
	parts := strings.Split(raw, ".")
	if len(parts) != 3 {
		return 0, errors.New("missing id_token")
	}
	payload, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		return 0, err
	}
	var claims struct {
		Sub string `json:"sub"`
	}
	if err := json.Unmarshal(payload, &claims); err != nil || claims.Sub == "" {
		return 0, errors.New("bad id_token")
	}
	var uid int64
	err = s.db.QueryRow(r.Context(), `SELECT user_id FROM identities WHERE provider = $1 AND subject = $2`, provider, claims.Sub).Scan(&uid)
	return uid, err
}

func (s *server) createTransfer(w http.ResponseWriter, r *http.Request) {
	uid := s.sessions.GetInt64(r.Context(), "userID")
	amount, err := strconv.ParseInt(r.PostFormValue("amount_cents"), 10, 64)
	if err != nil || amount <= 0 {
		http.Error(w, "invalid amount", http.StatusBadRequest)
		return
	}
	var id int64
	err = s.db.QueryRow(r.Context(),
		`INSERT INTO transfers (user_id, from_account, to_iban, amount_cents) VALUES ($1, $2, $3, $4) RETURNING id`,
		uid, r.PostFormValue("from"), r.PostFormValue("to_iban"), amount).Scan(&id)
	if err != nil {
		http.Error(w, "transfer failed", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(map[string]int64{"id": id})
}

func (s *server) setCurrency(w http.ResponseWriter, r *http.Request) {
	cur := strings.ToUpper(r.PostFormValue("currency"))
	if len(cur) != 3 {
		http.Error(w, "bad currency", http.StatusBadRequest)
		return
	}
	http.SetCookie(w, &http.Cookie{Name: "ledger_currency", Value: cur, Path: "/", MaxAge: 365 * 86400})
	w.WriteHeader(http.StatusNoContent)
}

func (s *server) aggregatorHook(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	if err != nil {
		http.Error(w, "bad body", http.StatusBadRequest)
		return
	}
	mac := hmac.New(sha256.New, s.hookKey)
	mac.Write(body)
	sig, _ := hex.DecodeString(r.Header.Get("X-Aggregator-Signature"))
	if !hmac.Equal(sig, mac.Sum(nil)) {
		http.Error(w, "bad signature", http.StatusUnauthorized)
		return
	}
	var ev struct {
		Item string `json:"item_id"`
		Type string `json:"webhook_type"`
	}
	_ = json.Unmarshal(body, &ev)
	_, _ = s.db.Exec(r.Context(), `INSERT INTO aggregator_events (item_id, kind, payload) VALUES ($1, $2, $3)`, ev.Item, ev.Type, body)
	w.WriteHeader(http.StatusOK)
}

func (s *server) lockUser(w http.ResponseWriter, r *http.Request) {
	_, err := s.db.Exec(r.Context(), `UPDATE users SET locked = true WHERE id = $1`, r.PathValue("id"))
	if err != nil {
		http.Error(w, "lock failed", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (s *server) refundUser(w http.ResponseWriter, r *http.Request) {
	adminID := s.admins.GetInt64(r.Context(), "adminID")
	_, err := s.db.Exec(r.Context(), `INSERT INTO refunds (user_id, amount_cents, approved_by) VALUES ($1, $2, $3)`,
		r.PathValue("id"), r.PostFormValue("amount_cents"), adminID)
	if err != nil {
		http.Error(w, "refund failed", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
