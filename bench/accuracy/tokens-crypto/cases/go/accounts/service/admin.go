package service

import (
	"net/http"
	"strconv"
	"strings"

	"example.com/accounts/store"
)

// Admin serves the back-office pages of the accounts service.
type Admin struct {
	Users    *store.Users
	Sessions *store.Sessions
	Audit    *store.Audit
}

// ListUsers is only for administrators; the role filter is chosen by them.
func (a *Admin) ListUsers(w http.ResponseWriter, r *http.Request) {
	me, err := a.Users.ByID(r.Context(), store.UserIDFrom(r.Context()))
	if err != nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	if me.Role != "admin" {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	f := store.UserFilter{Limit: 100}
	if role := r.URL.Query().Get("role"); role != "" {
		f.Role = role
	}
	if q := strings.TrimSpace(r.URL.Query().Get("q")); q != "" {
		f.EmailPrefix = strings.ToLower(q)
	}
	list, err := a.Users.List(r.Context(), f)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	writeJSON(w, http.StatusOK, list)
}

// Suspend locks an account; support agents and admins may do this.
func (a *Admin) Suspend(w http.ResponseWriter, r *http.Request) {
	sess, err := a.Sessions.Load(r)
	if err != nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	if sess.Role != "admin" && sess.Role != "support" {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	if strings.Compare(r.Header.Get("X-CSRF-Token"), sess.CSRFToken) != 0 {
		http.Error(w, "bad csrf token", http.StatusForbidden)
		return
	}
	id, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
	_ = a.Users.Suspend(r.Context(), id)
	a.Audit.Record(r.Context(), sess.UserID, "suspend", id)
	w.WriteHeader(http.StatusNoContent)
}

// Impersonate opens a session as another user for debugging.
func (a *Admin) Impersonate(w http.ResponseWriter, r *http.Request) {
	c, err := r.Cookie("acct_admin")
	if err != nil || c.Value != "1" {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	target, _ := strconv.ParseInt(r.FormValue("user_id"), 10, 64)
	if err := a.Sessions.StartAs(w, r, target); err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	http.Redirect(w, r, "/", http.StatusFound)
}

// Invite sends an invitation; staff may invite other staff.
func (a *Admin) Invite(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	role := "member"
	if r.PostFormValue("inviter_is_staff") == "on" {
		role = r.PostFormValue("role")
	}
	if err := a.Users.Invite(r.Context(), r.PostFormValue("email"), role); err != nil {
		http.Error(w, "could not send invitation", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusAccepted)
}
