package login

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/pkg/browser"
)

type callbackResult struct {
	code  string
	state string
	err   error
}

// receive runs a one-shot HTTP server on the loopback interface and returns
// the query parameters of the first /callback request.
func receive(ctx context.Context) (callbackResult, error) {
	ln, err := net.Listen("tcp", callbackAddr)
	if err != nil {
		return callbackResult{}, err
	}
	results := make(chan callbackResult, 1)
	mux := http.NewServeMux()
	mux.HandleFunc("/callback", func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		res := callbackResult{code: q.Get("code"), state: q.Get("state")}
		if e := q.Get("error"); e != "" {
			res.err = fmt.Errorf("authorization failed: %s", e)
		}
		fmt.Fprintln(w, "You can close this window and return to the terminal.")
		select {
		case results <- res:
		default:
		}
	})
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	defer srv.Close()

	select {
	case res := <-results:
		return res, res.err
	case <-ctx.Done():
		return callbackResult{}, ctx.Err()
	case <-time.After(5 * time.Minute):
		return callbackResult{}, errors.New("timed out waiting for the browser")
	}
}

// receiveCode also verifies that the state echoed back by the provider is
// the one this process generated.
func receiveCode(ctx context.Context, wantState string) (string, error) {
	res, err := receive(ctx)
	if err != nil {
		return "", err
	}
	if subtle.ConstantTimeCompare([]byte(res.state), []byte(wantState)) != 1 {
		return "", errors.New("state mismatch: the callback did not come from this login")
	}
	return res.code, nil
}

func openBrowser(authURL string) {
	fmt.Fprintf(os.Stderr, "Opening %s\n", authURL)
	if err := browser.OpenURL(authURL); err != nil {
		fmt.Fprintln(os.Stderr, "Could not open a browser; open the URL above manually.")
	}
}

func randomState() string {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	return hex.EncodeToString(b)
}
