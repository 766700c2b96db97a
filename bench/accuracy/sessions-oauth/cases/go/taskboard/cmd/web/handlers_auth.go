package main

import (
	"errors"
	"net/http"
	"strings"
)

func (app *application) loginForm(w http.ResponseWriter, r *http.Request) {
	app.render(w, http.StatusOK, "login.tmpl", templateData{Next: r.URL.Query().Get("next")})
}

func (app *application) loginPost(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		http.Error(w, "bad form", http.StatusBadRequest)
		return
	}
	id, err := app.users.Authenticate(r.Context(), r.PostForm.Get("email"), r.PostForm.Get("password"))
	if err != nil {
		if errors.Is(err, errInvalidCredentials) {
			app.render(w, http.StatusUnprocessableEntity, "login.tmpl", templateData{Error: "Email or password is incorrect"})
			return
		}
		app.serverError(w, r, err)
		return
	}

	if err := app.sessions.RenewToken(r.Context()); err != nil {
		app.serverError(w, r, err)
		return
	}
	app.sessions.Put(r.Context(), "authenticatedUserID", id)

	next := r.PostForm.Get("next")
	if next != "" && strings.Contains(next, "taskboard.app") {
		http.Redirect(w, r, next, http.StatusSeeOther)
		return
	}
	http.Redirect(w, r, "/boards", http.StatusSeeOther)
}

func (app *application) signupPost(w http.ResponseWriter, r *http.Request) {
	newID, err := app.users.Insert(r.Context(), r.PostFormValue("name"), r.PostFormValue("email"), r.PostFormValue("password"))
	if err != nil {
		app.render(w, http.StatusUnprocessableEntity, "signup.tmpl", templateData{Error: err.Error()})
		return
	}
	// Log the new user straight in.
	app.sessions.Put(r.Context(), "authenticatedUserID", newID)
	app.sessions.Put(r.Context(), "flash", "Welcome to Taskboard!")
	http.Redirect(w, r, "/boards?welcome=1", http.StatusSeeOther)
}

func (app *application) magicLinkLogin(w http.ResponseWriter, r *http.Request) {
	id, err := app.users.ConsumeMagicLink(r.Context(), r.URL.Query().Get("token"))
	if err != nil {
		http.Redirect(w, r, "/login?expired=1", http.StatusSeeOther)
		return
	}
	if err := app.startSession(r, id); err != nil {
		app.serverError(w, r, err)
		return
	}
	http.Redirect(w, r, "/boards/mine", http.StatusSeeOther)
}

func (app *application) resetComplete(w http.ResponseWriter, r *http.Request) {
	id, err := app.users.ResetPassword(r.Context(), r.PostFormValue("token"), r.PostFormValue("password"))
	if err != nil {
		app.render(w, http.StatusUnprocessableEntity, "reset.tmpl", templateData{Error: "This reset link is no longer valid"})
		return
	}
	app.signIn(r.Context(), id)
	http.Redirect(w, r, "/account/password-updated", http.StatusSeeOther)
}

func (app *application) logoutPost(w http.ResponseWriter, r *http.Request) {
	if err := app.sessions.Destroy(r.Context()); err != nil {
		app.serverError(w, r, err)
		return
	}
	http.Redirect(w, r, "/login", http.StatusSeeOther)
}
