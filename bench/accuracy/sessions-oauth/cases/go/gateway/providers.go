package main

import (
	"os"

	"golang.org/x/oauth2"
)

type providers struct {
	idp, figma, asana, linear, dropbox, zendesk *oauth2.Config
}

func conf(id, secret, auth, token, redirect string, scopes ...string) *oauth2.Config {
	return &oauth2.Config{
		ClientID:     os.Getenv(id),
		ClientSecret: os.Getenv(secret),
		Endpoint:     oauth2.Endpoint{AuthURL: auth, TokenURL: token},
		RedirectURL:  redirect,
		Scopes:       scopes,
	}
}

func newProviders(base string) providers {
	return providers{
		idp: conf("IDP_CLIENT_ID", "IDP_CLIENT_SECRET",
			"https://login.orbitapp.example/oauth2/authorize", "https://login.orbitapp.example/oauth2/token",
			base+"/auth/callback", "openid", "profile", "offline_access"),
		figma: conf("FIGMA_CLIENT_ID", "FIGMA_CLIENT_SECRET",
			"https://www.figma.com/oauth", "https://api.figma.com/v1/oauth/token",
			base+"/connect/figma/callback", "file_read"),
		asana: conf("ASANA_CLIENT_ID", "ASANA_CLIENT_SECRET",
			"https://app.asana.com/-/oauth_authorize", "https://app.asana.com/-/oauth_token",
			base+"/connect/asana/callback", "default"),
		linear: conf("LINEAR_CLIENT_ID", "LINEAR_CLIENT_SECRET",
			"https://linear.app/oauth/authorize", "https://api.linear.app/oauth/token",
			base+"/connect/linear/callback", "read"),
		dropbox: conf("DROPBOX_APP_KEY", "DROPBOX_APP_SECRET",
			"https://www.dropbox.com/oauth2/authorize", "https://api.dropboxapi.com/oauth2/token",
			base+"/connect/dropbox/callback"),
		zendesk: conf("ZENDESK_CLIENT_ID", "ZENDESK_CLIENT_SECRET",
			"https://orbit.zendesk.com/oauth/authorizations/new", "https://orbit.zendesk.com/oauth/tokens",
			base+"/connect/zendesk/callback", "read"),
	}
}
