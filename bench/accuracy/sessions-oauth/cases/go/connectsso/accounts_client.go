package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"time"

	"golang.org/x/oauth2"
)

// accountService talks to the internal accounts API, which owns user records.
type accountService struct {
	base string
	http *http.Client
}

type Account struct {
	ID       string `json:"id"`
	Email    string `json:"email"`
	APIToken string `json:"api_token"`
}

func newAccountService(base string) *accountService {
	return &accountService{base: base, http: &http.Client{Timeout: 10 * time.Second}}
}

func (s *accountService) call(ctx context.Context, path string, in, out any) error {
	body, err := json.Marshal(in)
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.base+path, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Service-Key", os.Getenv("ACCOUNTS_SERVICE_KEY"))
	resp, err := s.http.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		return fmt.Errorf("accounts %s: %s", path, resp.Status)
	}
	if out == nil {
		return nil
	}
	return json.NewDecoder(resp.Body).Decode(out)
}

func (s *accountService) fromProvider(ctx context.Context, provider, accessToken string) (*Account, error) {
	var acct Account
	err := s.call(ctx, "/v1/external-login", map[string]string{"provider": provider, "access_token": accessToken}, &acct)
	return &acct, err
}

func (s *accountService) FromGitHub(ctx context.Context, c *http.Client) (*Account, error) {
	resp, err := c.Get("https://api.github.com/user")
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var gh struct {
		ID    int64  `json:"id"`
		Email string `json:"email"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&gh); err != nil {
		return nil, err
	}
	var acct Account
	err = s.call(ctx, "/v1/external-login", map[string]any{"provider": "github", "subject": gh.ID, "email": gh.Email}, &acct)
	return &acct, err
}

func (s *accountService) FromGoogle(ctx context.Context, t *oauth2.Token) (*Account, error) {
	return s.fromProvider(ctx, "google", t.AccessToken)
}

func (s *accountService) FromGitLab(ctx context.Context, c *http.Client) (*Account, error) {
	resp, err := c.Get("https://gitlab.com/api/v4/user")
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var gl struct {
		ID    int64  `json:"id"`
		Email string `json:"email"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&gl); err != nil {
		return nil, err
	}
	var acct Account
	err = s.call(ctx, "/v1/external-login", map[string]any{"provider": "gitlab", "subject": gl.ID, "email": gl.Email}, &acct)
	return &acct, err
}

func (s *accountService) FromSlack(ctx context.Context, t *oauth2.Token) (*Account, error) {
	return s.fromProvider(ctx, "slack", t.AccessToken)
}

func (s *accountService) FromIDToken(ctx context.Context, t *oauth2.Token) (*Account, error) {
	raw, _ := t.Extra("id_token").(string)
	var acct Account
	err := s.call(ctx, "/v1/oidc-login", map[string]string{"issuer": "acme", "id_token": raw}, &acct)
	return &acct, err
}

func (s *accountService) LinkMicrosoft(ctx context.Context, uid string, t *oauth2.Token, at time.Time) error {
	return s.call(ctx, "/v1/links", map[string]any{"user": uid, "provider": "microsoft", "access_token": t.AccessToken, "linked_at": at}, nil)
}

func (s *accountService) SaveIntegration(ctx context.Context, uid, provider, access, refresh string) error {
	return s.call(ctx, "/v1/integrations", map[string]string{"user": uid, "provider": provider, "access_token": access, "refresh_token": refresh}, nil)
}

func (s *accountService) UpdateProfile(ctx context.Context, uid, name string) error {
	return s.call(ctx, "/v1/profile", map[string]string{"user": uid, "display_name": name}, nil)
}

func (s *accountService) UpdateNotifications(ctx context.Context, uid string, channels []string) error {
	return s.call(ctx, "/v1/notifications", map[string]any{"user": uid, "channels": channels}, nil)
}

func (s *accountService) RevokeAPITokens(ctx context.Context, uid string) error {
	return s.call(ctx, "/v1/api-tokens/revoke", map[string]string{"user": uid}, nil)
}
