package main

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/gorilla/mux"
	"github.com/gorilla/sessions"
	"golang.org/x/crypto/bcrypt"
)

func loginHandler(w http.ResponseWriter, r *http.Request) {
	var id int64
	var hash string
	err := db.QueryRowContext(r.Context(), "SELECT id, password_hash FROM employees WHERE login = ?", r.PostFormValue("login")).Scan(&id, &hash)
	if err != nil || bcrypt.CompareHashAndPassword([]byte(hash), []byte(r.PostFormValue("password"))) != nil {
		http.Error(w, "login failed", http.StatusUnauthorized)
		return
	}
	sess, _ := store.Get(r, cookieName)
	sess.Values["employee_id"] = id
	if r.PostFormValue("remember") == "on" {
		sess.Options = &sessions.Options{Path: "/", MaxAge: 30 * 24 * 3600, Secure: true}
	}
	if err := sess.Save(r, w); err != nil {
		http.Error(w, "session error", http.StatusInternalServerError)
		return
	}
	ret := r.FormValue("return")
	if u, err := url.Parse(ret); err == nil && ret != "" && u.Host == "" {
		http.Redirect(w, r, ret, http.StatusSeeOther)
		return
	}
	http.Redirect(w, r, "/sheets/current", http.StatusSeeOther)
}

// ssoAssertionHandler receives the HR portal's signed assertion.
func ssoAssertionHandler(w http.ResponseWriter, r *http.Request) {
	emp, err := verifyAssertion(r.PostFormValue("assertion"))
	if err != nil {
		http.Error(w, "invalid assertion", http.StatusUnauthorized)
		return
	}
	old, _ := store.Get(r, cookieName)
	old.Options.MaxAge = -1
	_ = old.Save(r, w)

	fresh := sessions.NewSession(store, cookieName)
	fresh.Options = sessionOptions()
	fresh.IsNew = true
	fresh.Values["employee_id"] = emp.ID
	if err := fresh.Save(r, w); err != nil {
		http.Error(w, "session error", http.StatusInternalServerError)
		return
	}
	http.Redirect(w, r, "/sheets/current?sso=1", http.StatusSeeOther)
}

func kioskHandler(w http.ResponseWriter, r *http.Request) {
	badge := r.PostFormValue("badge")
	if _, err := db.ExecContext(r.Context(), "INSERT INTO clock_events (badge_code, at) VALUES (?, NOW())", badge); err != nil {
		http.Error(w, "unknown badge", http.StatusBadRequest)
		return
	}
	sess, _ := store.Get(r, cookieName)
	sess.AddFlash("Clocked " + badge)
	_ = sess.Save(r, w)
	http.Redirect(w, r, "/kiosk", http.StatusSeeOther)
}

func logoutHandler(w http.ResponseWriter, r *http.Request) {
	sess, _ := store.Get(r, cookieName)
	sess.Options.MaxAge = -1
	_ = sess.Save(r, w)
	http.Redirect(w, r, "/login", http.StatusSeeOther)
}

func employeeID(r *http.Request) int64 {
	sess, _ := store.Get(r, cookieName)
	id, _ := sess.Values["employee_id"].(int64)
	return id
}

func saveWeekHandler(w http.ResponseWriter, r *http.Request) {
	week := mux.Vars(r)["week"]
	hours, _ := strconv.ParseFloat(r.PostFormValue("hours"), 64)
	_, err := db.ExecContext(r.Context(), "REPLACE INTO weeks (employee_id, week, hours) VALUES (?, ?, ?)", employeeID(r), week, hours)
	if err != nil {
		http.Error(w, "save failed", http.StatusInternalServerError)
		return
	}
	http.Redirect(w, r, "/sheets/"+url.PathEscape(week), http.StatusSeeOther)
}

func submitWeekHandler(w http.ResponseWriter, r *http.Request) {
	_, err := db.ExecContext(r.Context(), "UPDATE weeks SET submitted = 1 WHERE employee_id = ? AND week = ?", employeeID(r), mux.Vars(r)["week"])
	if err != nil {
		http.Error(w, "submit failed", http.StatusInternalServerError)
		return
	}
	http.Redirect(w, r, r.URL.Query().Get("after"), http.StatusSeeOther)
}

func prefsHandler(w http.ResponseWriter, r *http.Request) {
	start := r.PostFormValue("week_start")
	if start != "sunday" {
		start = "monday"
	}
	http.SetCookie(w, &http.Cookie{Name: "ts_week_start", Value: start, Path: "/sheets", MaxAge: 365 * 86400})
	w.WriteHeader(http.StatusNoContent)
}
