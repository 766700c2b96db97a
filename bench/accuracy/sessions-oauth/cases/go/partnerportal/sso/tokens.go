package sso

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"strings"

	"github.com/jackc/pgx/v5/pgxpool"
	"golang.org/x/oauth2"
)

// emailFromIDToken reads the email claim of the ID token returned on the
// back channel. The token came straight from Okta's token endpoint over TLS.
func emailFromIDToken(tok *oauth2.Token) (string, error) {
	raw, ok := tok.Extra("id_token").(string)
	if !ok {
		return "", errors.New("sso: no id_token")
	}
	parts := strings.Split(raw, ".")
	if len(parts) != 3 {
		return "", errors.New("sso: malformed id_token")
	}
	payload, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		return "", err
	}
	var claims struct {
		Email         string `json:"email"`
		EmailVerified bool   `json:"email_verified"`
	}
	if err := json.Unmarshal(payload, &claims); err != nil {
		return "", err
	}
	if !claims.EmailVerified {
		return "", errors.New("sso: email not verified")
	}
	return strings.ToLower(claims.Email), nil
}

func saveConnection(ctx context.Context, db *pgxpool.Pool, partnerID int64, provider string, tok *oauth2.Token) error {
	_, err := db.Exec(ctx, `
		INSERT INTO partner_connections (partner_id, provider, access_token, refresh_token, expires_at)
		VALUES ($1, $2, pgp_sym_encrypt($3, current_setting('app.conn_key')), pgp_sym_encrypt($4, current_setting('app.conn_key')), $5)
		ON CONFLICT (partner_id, provider) DO UPDATE
		SET access_token = EXCLUDED.access_token, refresh_token = EXCLUDED.refresh_token, expires_at = EXCLUDED.expires_at`,
		partnerID, provider, tok.AccessToken, tok.RefreshToken, tok.Expiry)
	return err
}
