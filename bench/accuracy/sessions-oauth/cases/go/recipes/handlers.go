package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"

	"github.com/go-chi/chi/v5"
	"golang.org/x/crypto/bcrypt"
)

func (a *app) uid(r *http.Request) int64 { return a.sm.GetInt64(r.Context(), "userID") }

func (a *app) login(w http.ResponseWriter, r *http.Request) {
	var id int64
	var hash string
	err := a.db.QueryRow(r.Context(), `SELECT id, password_hash FROM cooks WHERE email = $1`, strings.ToLower(r.PostFormValue("email"))).Scan(&id, &hash)
	if err != nil || bcrypt.CompareHashAndPassword([]byte(hash), []byte(r.PostFormValue("password"))) != nil {
		http.Error(w, "invalid credentials", http.StatusUnauthorized)
		return
	}
	if err := a.sm.RenewToken(r.Context()); err != nil {
		http.Error(w, "session error", http.StatusInternalServerError)
		return
	}
	a.sm.Put(r.Context(), "userID", id)
	http.Redirect(w, r, "/my/recipes", http.StatusSeeOther)
}

func (a *app) signup(w http.ResponseWriter, r *http.Request) {
	hash, _ := bcrypt.GenerateFromPassword([]byte(r.PostFormValue("password")), 12)
	var cookID int64
	err := a.db.QueryRow(r.Context(), `INSERT INTO cooks (email, password_hash) VALUES ($1, $2) RETURNING id`,
		strings.ToLower(r.PostFormValue("email")), string(hash)).Scan(&cookID)
	if err != nil {
		http.Error(w, "email taken", http.StatusConflict)
		return
	}
	a.sm.Put(r.Context(), "userID", cookID)
	http.Redirect(w, r, "/my/recipes?new=1", http.StatusSeeOther)
}

func (a *app) createRecipe(w http.ResponseWriter, r *http.Request) {
	var id int64
	err := a.db.QueryRow(r.Context(), `INSERT INTO recipes (cook_id, title, body) VALUES ($1, $2, $3) RETURNING id`,
		a.uid(r), r.PostFormValue("title"), r.PostFormValue("body")).Scan(&id)
	if err != nil {
		http.Error(w, "could not save", http.StatusInternalServerError)
		return
	}
	http.Redirect(w, r, fmt.Sprintf("/recipes/%d", id), http.StatusSeeOther)
}

func (a *app) deleteRecipe(w http.ResponseWriter, r *http.Request) {
	_, _ = a.db.Exec(r.Context(), `DELETE FROM recipes WHERE id = $1 AND cook_id = $2`, chi.URLParam(r, "id"), a.uid(r))
	http.Redirect(w, r, "/my/recipes?deleted=1", http.StatusSeeOther)
}

func (a *app) changeEmail(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Email string `json:"email"`
	}
	if a.uid(r) == 0 || json.NewDecoder(r.Body).Decode(&in) != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	_, _ = a.db.Exec(r.Context(), `UPDATE cooks SET email = $1 WHERE id = $2`, strings.ToLower(in.Email), a.uid(r))
	w.WriteHeader(http.StatusNoContent)
}

func (a *app) deleteAccount(w http.ResponseWriter, r *http.Request) {
	if a.uid(r) == 0 {
		http.Error(w, "sign in required", http.StatusUnauthorized)
		return
	}
	_, _ = a.db.Exec(r.Context(), `DELETE FROM cooks WHERE id = $1`, a.uid(r))
	_ = a.sm.Destroy(r.Context())
	w.WriteHeader(http.StatusNoContent)
}

func (a *app) addFavorite(w http.ResponseWriter, r *http.Request) {
	_, _ = a.db.Exec(r.Context(), `INSERT INTO favorites (cook_id, recipe_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, a.uid(r), r.PostFormValue("recipe_id"))
	w.WriteHeader(http.StatusNoContent)
}

func (a *app) rate(w http.ResponseWriter, r *http.Request) {
	_, _ = a.db.Exec(r.Context(), `INSERT INTO ratings (cook_id, recipe_id, stars) VALUES ($1, $2, $3) ON CONFLICT (cook_id, recipe_id) DO UPDATE SET stars = EXCLUDED.stars`,
		a.uid(r), r.PostFormValue("recipe_id"), r.PostFormValue("stars"))
	w.WriteHeader(http.StatusNoContent)
}
