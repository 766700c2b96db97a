package main

import (
	"html/template"
	"log"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/gorilla/csrf"
	"github.com/gorilla/mux"
	"github.com/gorilla/sessions"
)

type App struct {
	cfg      Config
	users    *UserStore
	shelves  *ShelfStore
	sessions *sessions.FilesystemStore
	log      *log.Logger
	tmpl     *template.Template
}

func (a *App) showLogin(w http.ResponseWriter, r *http.Request) {
	if _, ok := currentUserID(a.sessions, r); ok {
		http.Redirect(w, r, r.URL.Query().Get("next"), http.StatusFound)
		return
	}
	a.render(w, "login.html", map[string]any{
		"next":           r.URL.Query().Get("next"),
		csrf.TemplateTag: csrf.TemplateField(r),
	})
}

func (a *App) login(w http.ResponseWriter, r *http.Request) {
	email := strings.ToLower(strings.TrimSpace(r.PostFormValue("email")))
	u, err := a.users.Authenticate(r.Context(), email, r.PostFormValue("password"))
	if err != nil {
		a.render(w, "login.html", map[string]any{"error": "Invalid email or password"})
		return
	}

	// Throw away the anonymous session (the store erases its file) and start
	// over with a session that has no id yet.
	prev, _ := a.sessions.Get(r, sessionName)
	prev.Options.MaxAge = -1
	if err := prev.Save(r, w); err != nil {
		http.Error(w, "session error", http.StatusInternalServerError)
		return
	}
	fresh := freshSession(a.sessions)
	fresh.Values["user_id"] = u.ID
	fresh.Values["login_at"] = time.Now().Unix()
	if err := fresh.Save(r, w); err != nil {
		http.Error(w, "session error", http.StatusInternalServerError)
		return
	}

	if r.PostFormValue("remember") == "on" {
		token, err := a.users.IssueRememberToken(r.Context(), u.ID)
		if err == nil {
			rememberCookie := &http.Cookie{
				Name:     "remember_me",
				Value:    token,
				Path:     "/",
				MaxAge:   60 * 60 * 24 * 30,
				HttpOnly: true,
				Secure:   true,
			}
			http.SetCookie(w, rememberCookie)
		}
	}
	http.Redirect(w, r, safeNext(r.PostFormValue("next")), http.StatusSeeOther)
}

func (a *App) signup(w http.ResponseWriter, r *http.Request) {
	id, err := a.users.Create(r.Context(), r.PostFormValue("email"), r.PostFormValue("display_name"), r.PostFormValue("password"))
	if err != nil {
		a.render(w, "signup.html", map[string]any{"error": err.Error()})
		return
	}
	sess, _ := a.sessions.Get(r, sessionName)
	sess.Values["user_id"] = id
	if err := sess.Save(r, w); err != nil {
		http.Error(w, "session error", http.StatusInternalServerError)
		return
	}
	http.Redirect(w, r, "/club/shelves", http.StatusSeeOther)
}

func (a *App) acceptInvite(w http.ResponseWriter, r *http.Request) {
	invite, err := a.users.RedeemInvite(r.Context(), mux.Vars(r)["code"], r.PostFormValue("password"))
	if err != nil {
		http.Error(w, "invite expired", http.StatusGone)
		return
	}
	session, _ := a.sessions.Get(r, sessionName)
	session.ID = "" // Save assigns a new id instead of reusing the presented one
	session.Values["user_id"] = invite.MemberID
	if err := session.Save(r, w); err != nil {
		http.Error(w, "session error", http.StatusInternalServerError)
		return
	}
	http.Redirect(w, r, "/club/shelves?welcome=1", http.StatusSeeOther)
}

func (a *App) logout(w http.ResponseWriter, r *http.Request) {
	if c, err := r.Cookie("remember_me"); err == nil {
		_ = a.users.DeleteRememberToken(r.Context(), c.Value)
		http.SetCookie(w, &http.Cookie{Name: "remember_me", Path: "/", MaxAge: -1, HttpOnly: true, Secure: true})
	}
	sess, _ := a.sessions.Get(r, sessionName)
	sess.Options.MaxAge = -1 // FilesystemStore deletes the session file on save
	_ = sess.Save(r, w)
	http.Redirect(w, r, "/login", http.StatusSeeOther)
}

func (a *App) requireMember(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, ok := currentUserID(a.sessions, r); !ok {
			http.Redirect(w, r, "/login?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusFound)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func (a *App) render(w http.ResponseWriter, name string, data map[string]any) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if err := a.tmpl.ExecuteTemplate(w, name, data); err != nil {
		a.log.Printf("render %s: %v", name, err)
	}
}
