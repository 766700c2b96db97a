package main

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/gorilla/csrf"
	"github.com/gorilla/mux"
)

func (a *App) listShelves(w http.ResponseWriter, r *http.Request) {
	uid, _ := currentUserID(a.sessions, r)
	shelves, err := a.shelves.ForMember(r.Context(), uid)
	if err != nil {
		http.Error(w, "could not load shelves", http.StatusInternalServerError)
		return
	}
	if tab := r.URL.Query().Get("tab"); tab != "" {
		http.SetCookie(w, &http.Cookie{Name: "last_seen_tab", Value: tab, Path: "/club", MaxAge: 86400 * 90})
	}
	a.render(w, "shelves.html", map[string]any{"shelves": shelves, csrf.TemplateTag: csrf.TemplateField(r)})
}

func (a *App) createShelf(w http.ResponseWriter, r *http.Request) {
	uid, _ := currentUserID(a.sessions, r)
	id, err := a.shelves.Create(r.Context(), uid, strings.TrimSpace(r.PostFormValue("title")))
	if err != nil {
		http.Error(w, "could not create shelf", http.StatusBadRequest)
		return
	}
	sess, _ := a.sessions.Get(r, sessionName)
	sess.Values["flash"] = "Shelf created"
	_ = sess.Save(r, w)
	http.Redirect(w, r, fmt.Sprintf("/club/shelves/%d", id), http.StatusSeeOther)
}

func (a *App) deleteShelf(w http.ResponseWriter, r *http.Request) {
	uid, _ := currentUserID(a.sessions, r)
	id, err := strconv.ParseInt(mux.Vars(r)["id"], 10, 64)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	if err := a.shelves.Delete(r.Context(), uid, id); err != nil {
		http.Error(w, "could not delete shelf", http.StatusBadRequest)
		return
	}
	http.Redirect(w, r, r.Referer(), http.StatusSeeOther)
}

func (a *App) savePreferences(w http.ResponseWriter, r *http.Request) {
	theme := r.PostFormValue("theme")
	if theme != "dark" && theme != "light" {
		theme = "light"
	}
	sess, _ := a.sessions.Get(r, sessionName)
	sess.Values["theme"] = theme
	_ = sess.Save(r, w)
	http.SetCookie(w, &http.Cookie{Name: "theme", Value: theme, Path: "/", MaxAge: 86400 * 365})

	back := r.FormValue("return_to")
	if strings.HasPrefix(back, "/") {
		http.Redirect(w, r, back, http.StatusSeeOther)
		return
	}
	http.Redirect(w, r, defaultLanding, http.StatusSeeOther)
}

type mailerEvent struct {
	Type  string `json:"type"`
	Email string `json:"email"`
}

// mailerWebhook is called by the mail provider; it carries no cookies and is
// authenticated by an HMAC over the body.
func (a *App) mailerWebhook(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	if err != nil {
		http.Error(w, "bad body", http.StatusBadRequest)
		return
	}
	mac := hmac.New(sha256.New, a.cfg.WebhookSecret)
	mac.Write(body)
	got, _ := hex.DecodeString(r.Header.Get("X-Mailer-Signature"))
	if !hmac.Equal(mac.Sum(nil), got) {
		http.Error(w, "bad signature", http.StatusUnauthorized)
		return
	}
	var ev mailerEvent
	if err := json.Unmarshal(body, &ev); err != nil {
		http.Error(w, "bad json", http.StatusBadRequest)
		return
	}
	if ev.Type == "bounce" {
		_ = a.users.MarkBounced(r.Context(), ev.Email)
	}
	w.WriteHeader(http.StatusNoContent)
}

// markSignedWebhooks lets the signature-checked mailer webhook past the CSRF
// middleware; every other route keeps the token check.
func (a *App) markSignedWebhooks(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost && r.URL.Path == "/webhooks/mailer" {
			r = csrf.UnsafeSkipCheck(r)
		}
		next.ServeHTTP(w, r)
	})
}
