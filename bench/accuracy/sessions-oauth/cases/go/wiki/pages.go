package main

import (
	"database/sql"
	"net/http"
	"net/url"
	"path"
	"strings"
	"time"

	"golang.org/x/crypto/bcrypt"
)

func (wk *wiki) login(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		http.ServeFile(w, r, "static/login.html")
		return
	}
	var name, hash string
	err := wk.db.QueryRowContext(r.Context(), `SELECT username, password_hash FROM users WHERE username = $1`, r.PostFormValue("username")).Scan(&name, &hash)
	if err != nil || bcrypt.CompareHashAndPassword([]byte(hash), []byte(r.PostFormValue("password"))) != nil {
		http.Error(w, "wrong username or password", http.StatusUnauthorized)
		return
	}
	session, _ := wk.store.Get(r, sessName)
	session.Values["user"] = name
	if err := session.Save(r, w); err != nil {
		http.Error(w, "session error", http.StatusInternalServerError)
		return
	}
	next := path.Clean("/" + r.PostFormValue("next"))
	http.Redirect(w, r, next, http.StatusSeeOther)
}

// ldapLogin is used by staff accounts; authenticate() binds against AD.
func (wk *wiki) ldapLogin(w http.ResponseWriter, r *http.Request) {
	name, err := authenticate(r.PostFormValue("username"), r.PostFormValue("password"))
	if err != nil {
		http.Error(w, "wrong username or password", http.StatusUnauthorized)
		return
	}
	s, _ := wk.store.Get(r, sessName)
	s.Values["user"] = name
	s.Values["staff"] = true
	_ = s.Save(r, w)
	http.Redirect(w, r, "/wiki/Main_Page", http.StatusSeeOther)
}

func (wk *wiki) logout(w http.ResponseWriter, r *http.Request) {
	sess, _ := wk.store.Get(r, sessName)
	sess.Options.MaxAge = -1
	_ = sess.Save(r, w)
	http.Redirect(w, r, "/wiki/Main_Page", http.StatusFound)
}

func (wk *wiki) viewPage(w http.ResponseWriter, r *http.Request) {
	title := strings.TrimPrefix(r.URL.Path, "/wiki/")
	var body string
	err := wk.db.QueryRowContext(r.Context(), `SELECT body FROM pages WHERE title = $1`, title).Scan(&body)
	if err == sql.ErrNoRows {
		http.NotFound(w, r)
		return
	}
	sess, _ := wk.store.Get(r, sessName)
	sess.Values["last_page"] = title
	_ = sess.Save(r, w)
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	_, _ = w.Write([]byte(body))
}

func (wk *wiki) savePage(w http.ResponseWriter, r *http.Request) {
	title := r.PostFormValue("title")
	_, err := wk.db.ExecContext(r.Context(),
		`INSERT INTO pages (title, body, updated_at) VALUES ($1, $2, $3) ON CONFLICT (title) DO UPDATE SET body = EXCLUDED.body, updated_at = EXCLUDED.updated_at`,
		title, r.PostFormValue("body"), time.Now())
	if err != nil {
		http.Error(w, "save failed", http.StatusInternalServerError)
		return
	}
	http.Redirect(w, r, "/wiki/"+url.PathEscape(title), http.StatusSeeOther)
}

func (wk *wiki) deletePage(w http.ResponseWriter, r *http.Request) {
	_, _ = wk.db.ExecContext(r.Context(), `DELETE FROM pages WHERE title = $1`, r.PostFormValue("title"))
	http.Redirect(w, r, r.FormValue("return"), http.StatusSeeOther)
}

func (wk *wiki) watchPage(w http.ResponseWriter, r *http.Request) {
	sess, _ := wk.store.Get(r, sessName)
	user, _ := sess.Values["user"].(string)
	_, _ = wk.db.ExecContext(r.Context(), `INSERT INTO watches (username, title) VALUES ($1, $2) ON CONFLICT DO NOTHING`, user, r.PostFormValue("title"))
	w.WriteHeader(http.StatusNoContent)
}
