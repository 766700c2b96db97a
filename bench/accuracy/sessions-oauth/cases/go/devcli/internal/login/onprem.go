package login

import (
	"context"

	"golang.org/x/oauth2"
)

// OnPremLogin targets self-hosted IdPs of version 3.x, which only implement
// the "plain" PKCE method.
func OnPremLogin(ctx context.Context) (*oauth2.Token, error) {
	op := onPremConfig()
	verifier := oauth2.GenerateVerifier()
	state := randomState()

	openBrowser(op.AuthCodeURL(state,
		oauth2.SetAuthURLParam("code_challenge", verifier),
		oauth2.SetAuthURLParam("code_challenge_method", "plain"),
	))

	res, err := receive(ctx)
	if err != nil {
		return nil, err
	}
	return op.Exchange(ctx, res.code, oauth2.VerifierOption(verifier))
}

// OnPremS256Login is used for 4.x servers; the challenge is computed by hand
// because those servers also want the method spelled out.
func OnPremS256Login(ctx context.Context) (*oauth2.Token, error) {
	server := onPremConfig()
	verifier := oauth2.GenerateVerifier()
	state := randomState()

	openBrowser(server.AuthCodeURL(state,
		oauth2.SetAuthURLParam("code_challenge", oauth2.S256ChallengeFromVerifier(verifier)),
		oauth2.SetAuthURLParam("code_challenge_method", "S256"),
	))

	code, err := receiveCode(ctx, state)
	if err != nil {
		return nil, err
	}
	return server.Exchange(ctx, code, oauth2.SetAuthURLParam("code_verifier", verifier))
}
