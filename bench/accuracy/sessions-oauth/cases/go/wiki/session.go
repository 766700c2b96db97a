package main

import (
	"errors"
	"net/http"
	"os"
	"os/exec"
	"strings"

	"github.com/antonlindstrom/pgstore"
	"github.com/gorilla/sessions"
)

const sessName = "wiki_session"

// newStore keeps sessions in the wiki database (table http_sessions).
func newStore(dsn string) (*pgstore.PGStore, error) {
	store, err := pgstore.NewPGStore(dsn,
		[]byte(os.Getenv("WIKI_SESSION_AUTH_KEY")), []byte(os.Getenv("WIKI_SESSION_ENC_KEY")))
	if err != nil {
		return nil, err
	}
	store.Options = &sessions.Options{
		Path:   "/",
		MaxAge: 7 * 24 * 3600,
		Secure: true,
	}
	return store, nil
}

func (wk *wiki) member(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		sess, err := wk.store.Get(r, sessName)
		if err != nil || sess.Values["user"] == nil {
			http.Redirect(w, r, "/login", http.StatusFound)
			return
		}
		next(w, r)
	}
}

// authenticate checks the credentials with the host's PAM/SSSD setup, which is
// joined to the corporate directory.
func authenticate(user, password string) (string, error) {
	if user == "" || strings.ContainsAny(user, " \t\n/\\") {
		return "", errors.New("invalid user name")
	}
	cmd := exec.Command("/usr/libexec/wiki-pam-check", user)
	cmd.Stdin = strings.NewReader(password + "\n")
	if err := cmd.Run(); err != nil {
		return "", errors.New("authentication failed")
	}
	return user, nil
}
