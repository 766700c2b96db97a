package login

import (
	"context"

	"golang.org/x/oauth2"
)

// Login is the default flow against the cloud IdP: random state plus PKCE.
func Login(ctx context.Context) (*oauth2.Token, error) {
	cloud := cloudConfig()
	verifier := oauth2.GenerateVerifier()
	state := oauth2.GenerateVerifier()

	authURL := cloud.AuthCodeURL(state, oauth2.AccessTypeOffline, oauth2.S256ChallengeOption(verifier))
	openBrowser(authURL)

	code, err := receiveCode(ctx, state)
	if err != nil {
		return nil, err
	}
	return cloud.Exchange(ctx, code, oauth2.VerifierOption(verifier))
}

// LegacyLogin talks to the old SSO server for accounts not yet migrated.
func LegacyLogin(ctx context.Context) (*oauth2.Token, error) {
	legacy := legacyConfig()
	state := randomState()

	authURL := legacy.AuthCodeURL(state, oauth2.AccessTypeOffline)
	openBrowser(authURL)

	code, err := receiveCode(ctx, state)
	if err != nil {
		return nil, err
	}
	return legacy.Exchange(ctx, code)
}
