package backoffice

import (
	"net/http"
	"strconv"

	"github.com/gorilla/sessions"
	"golang.org/x/crypto/bcrypt"
)

// passwordLogin is the break-glass login used while the identity provider is down.
func (o *Office) passwordLogin(w http.ResponseWriter, r *http.Request) {
	var staffID int64
	var hash []byte
	err := o.db.QueryRowContext(r.Context(),
		`SELECT id, password_hash FROM staff WHERE email = $1 AND active AND break_glass_allowed`,
		r.FormValue("email")).Scan(&staffID, &hash)
	if err != nil || bcrypt.CompareHashAndPassword(hash, []byte(r.FormValue("password"))) != nil {
		http.Error(w, "invalid credentials", http.StatusUnauthorized)
		return
	}

	if old, err := o.store.Get(r, staffSession); err == nil && !old.IsNew {
		old.Options.MaxAge = -1
		if err := old.Save(r, w); err != nil {
			http.Error(w, "could not reset session", http.StatusInternalServerError)
			return
		}
	}
	fresh := sessions.NewSession(o.store, staffSession)
	opts := *o.store.Options
	fresh.Options = &opts
	fresh.IsNew = true
	fresh.Values["staff_id"] = staffID
	fresh.Values["break_glass"] = true
	if err := fresh.Save(r, w); err != nil {
		http.Error(w, "could not start session", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (o *Office) logout(w http.ResponseWriter, r *http.Request) {
	sess, _ := o.store.Get(r, staffSession)
	sess.Options.MaxAge = -1
	if err := sess.Save(r, w); err != nil {
		http.Error(w, "could not end session", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (o *Office) adjustInventory(w http.ResponseWriter, r *http.Request) {
	delta, err := strconv.Atoi(r.FormValue("delta"))
	if err != nil || delta == 0 {
		http.Error(w, "delta must be a non-zero integer", http.StatusBadRequest)
		return
	}
	_, err = o.db.ExecContext(r.Context(),
		`UPDATE stock SET on_hand = on_hand + $1, updated_by = $2 WHERE sku = $3`,
		delta, r.Context().Value(staffKey{}), r.FormValue("sku"))
	if err != nil {
		http.Error(w, "could not adjust stock", http.StatusInternalServerError)
		return
	}
	http.Redirect(w, r, r.Referer(), http.StatusSeeOther)
}

func (o *Office) disableCustomer(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	if _, err := o.db.ExecContext(r.Context(),
		`UPDATE customers SET disabled_at = now() WHERE id = $1`, id); err != nil {
		http.Error(w, "could not disable customer", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
