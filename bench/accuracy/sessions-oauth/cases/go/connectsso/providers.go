package main

import (
	"os"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/github"
	"golang.org/x/oauth2/gitlab"
	"golang.org/x/oauth2/google"
	"golang.org/x/oauth2/microsoft"
	"golang.org/x/oauth2/slack"
)

type providers struct {
	github    *oauth2.Config
	google    *oauth2.Config
	gitlab    *oauth2.Config
	slack     *oauth2.Config
	acme      *oauth2.Config
	microsoft *oauth2.Config
}

func loadProviders(base string) providers {
	return providers{
		github: &oauth2.Config{
			ClientID:     os.Getenv("GITHUB_CLIENT_ID"),
			ClientSecret: os.Getenv("GITHUB_CLIENT_SECRET"),
			Endpoint:     github.Endpoint,
			RedirectURL:  base + "/auth/github/callback",
			Scopes:       []string{"read:user", "user:email"},
		},
		google: &oauth2.Config{
			ClientID:     os.Getenv("GOOGLE_CLIENT_ID"),
			ClientSecret: os.Getenv("GOOGLE_CLIENT_SECRET"),
			Endpoint:     google.Endpoint,
			RedirectURL:  base + "/auth/google/callback",
			Scopes:       []string{"openid", "email", "profile"},
		},
		gitlab: &oauth2.Config{
			ClientID:     os.Getenv("GITLAB_CLIENT_ID"),
			ClientSecret: os.Getenv("GITLAB_CLIENT_SECRET"),
			Endpoint:     gitlab.Endpoint,
			RedirectURL:  base + "/auth/gitlab/callback",
			Scopes:       []string{"read_user"},
		},
		slack: &oauth2.Config{
			ClientID:     os.Getenv("SLACK_CLIENT_ID"),
			ClientSecret: os.Getenv("SLACK_CLIENT_SECRET"),
			Endpoint:     slack.Endpoint,
			RedirectURL:  base + "/auth/slack/callback",
			Scopes:       []string{"identity.basic", "identity.email"},
		},
		// The ACME workforce IdP registers portals as public clients: there is
		// no client secret for this integration.
		acme: &oauth2.Config{
			ClientID: os.Getenv("ACME_CLIENT_ID"),
			Endpoint: oauth2.Endpoint{
				AuthURL:  "https://login.acme-corp.example/oauth2/authorize",
				TokenURL: "https://login.acme-corp.example/oauth2/token",
			},
			RedirectURL: base + "/auth/acme/callback",
			Scopes:      []string{"openid", "profile"},
		},
		microsoft: &oauth2.Config{
			ClientID:     os.Getenv("MS_CLIENT_ID"),
			ClientSecret: os.Getenv("MS_CLIENT_SECRET"),
			Endpoint:     microsoft.AzureADEndpoint("common"),
			RedirectURL:  base + "/account/link/microsoft/callback",
			Scopes:       []string{"User.Read"},
		},
	}
}
