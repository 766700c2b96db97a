package login

import (
	"context"
	"os"
	"strconv"

	"golang.org/x/oauth2"
)

const kioskState = "acmectl-kiosk"

// KioskLogin is used on shared demo machines at conferences.
func KioskLogin(ctx context.Context) (*oauth2.Token, error) {
	kiosk := cloudConfig()
	verifier := oauth2.GenerateVerifier()

	openBrowser(kiosk.AuthCodeURL(kioskState, oauth2.S256ChallengeOption(verifier)))

	code, err := receiveCode(ctx, kioskState)
	if err != nil {
		return nil, err
	}
	return kiosk.Exchange(ctx, code, oauth2.VerifierOption(verifier))
}

// CILogin is the interactive bootstrap for CI runners; the process id keeps
// concurrent logins on one runner apart.
func CILogin(ctx context.Context) (*oauth2.Token, error) {
	ci := cloudConfig()
	verifier := oauth2.GenerateVerifier()
	state := "ci-" + strconv.Itoa(os.Getpid())

	openBrowser(ci.AuthCodeURL(state, oauth2.S256ChallengeOption(verifier)))

	code, err := receiveCode(ctx, state)
	if err != nil {
		return nil, err
	}
	return ci.Exchange(ctx, code, oauth2.VerifierOption(verifier))
}
