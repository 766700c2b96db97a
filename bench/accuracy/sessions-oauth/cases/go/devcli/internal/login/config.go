package login

import (
	"encoding/json"
	"os"
	"path/filepath"

	"golang.org/x/oauth2"
)

const callbackAddr = "127.0.0.1:8976"

// The CLI is registered as a public client everywhere: a secret shipped in a
// binary is not a secret.
func cloudConfig() *oauth2.Config {
	return &oauth2.Config{
		ClientID: "acmectl",
		Endpoint: oauth2.Endpoint{
			AuthURL:   "https://id.acme.example/oauth2/authorize",
			TokenURL:  "https://id.acme.example/oauth2/token",
			AuthStyle: oauth2.AuthStyleInParams,
		},
		RedirectURL: "http://" + callbackAddr + "/callback",
		Scopes:      []string{"openid", "offline_access", "platform"},
	}
}

func legacyConfig() *oauth2.Config {
	return &oauth2.Config{
		ClientID: "acmectl-legacy",
		Endpoint: oauth2.Endpoint{
			AuthURL:   "https://sso.acme.example/authorize",
			TokenURL:  "https://sso.acme.example/token",
			AuthStyle: oauth2.AuthStyleInParams,
		},
		RedirectURL: "http://" + callbackAddr + "/callback",
		Scopes:      []string{"platform"},
	}
}

func onPremConfig() *oauth2.Config {
	base := os.Getenv("ACME_ONPREM_IDP")
	return &oauth2.Config{
		ClientID: "acmectl",
		Endpoint: oauth2.Endpoint{
			AuthURL:   base + "/oauth/authorize",
			TokenURL:  base + "/oauth/token",
			AuthStyle: oauth2.AuthStyleInParams,
		},
		RedirectURL: "http://" + callbackAddr + "/callback",
	}
}

func SaveToken(tok any) error {
	dir, err := os.UserConfigDir()
	if err != nil {
		return err
	}
	path := filepath.Join(dir, "acmectl", "token.json")
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	defer f.Close()
	return json.NewEncoder(f).Encode(tok)
}
