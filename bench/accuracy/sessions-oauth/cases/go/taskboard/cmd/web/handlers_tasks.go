package main

import (
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/go-chi/chi/v5"
)

var boardDestinations = map[string]string{
	"mine":    "/boards/mine",
	"team":    "/boards/team",
	"archive": "/boards/archive",
}

var allowedOutbound = map[string]bool{
	"docs.taskboard.app":   true,
	"status.taskboard.app": true,
	"github.com":           true,
}

func (app *application) createTask(w http.ResponseWriter, r *http.Request) {
	uid := app.sessions.GetInt(r.Context(), "authenticatedUserID")
	id, err := app.tasks.Insert(r.Context(), uid, strings.TrimSpace(r.PostFormValue("title")))
	if err != nil {
		app.serverError(w, r, err)
		return
	}
	app.sessions.Put(r.Context(), "flash", "Task created")
	http.Redirect(w, r, fmt.Sprintf("/tasks/%d", id), http.StatusSeeOther)
}

func (app *application) completeTask(w http.ResponseWriter, r *http.Request) {
	uid := app.sessions.GetInt(r.Context(), "authenticatedUserID")
	id, _ := strconv.Atoi(chi.URLParam(r, "id"))
	if err := app.tasks.Complete(r.Context(), uid, id); err != nil {
		app.serverError(w, r, err)
		return
	}
	http.Redirect(w, r, r.FormValue("redirect"), http.StatusSeeOther)
}

func (app *application) archiveTask(w http.ResponseWriter, r *http.Request) {
	uid := app.sessions.GetInt(r.Context(), "authenticatedUserID")
	id, _ := strconv.Atoi(chi.URLParam(r, "id"))
	if err := app.tasks.Archive(r.Context(), uid, id); err != nil {
		app.serverError(w, r, err)
		return
	}
	target := r.URL.Query().Get("then")
	if target == "" {
		target = "/boards"
	}
	w.Header().Set("Location", target)
	w.WriteHeader(http.StatusSeeOther)
}

func (app *application) switchBoard(w http.ResponseWriter, r *http.Request) {
	dest, ok := boardDestinations[r.URL.Query().Get("to")]
	if !ok {
		dest = "/boards/mine"
	}
	http.Redirect(w, r, dest, http.StatusFound)
}

// outboundLink is the click-tracking hop for links in task descriptions.
func (app *application) outboundLink(w http.ResponseWriter, r *http.Request) {
	u, err := url.Parse(r.URL.Query().Get("url"))
	if err != nil || u.Scheme != "https" || !allowedOutbound[u.Hostname()] {
		http.Error(w, "link not allowed", http.StatusBadRequest)
		return
	}
	app.logger.Info("outbound", "host", u.Hostname())
	http.Redirect(w, r, u.String(), http.StatusFound)
}

// helpRedirect forwards /help/go?to=... to the docs site.
func (app *application) helpRedirect(w http.ResponseWriter, r *http.Request) {
	to := r.URL.Query().Get("to")
	if !strings.HasSuffix(to, ".taskboard.app") && !strings.HasPrefix(to, "https://docs.taskboard.app") {
		to = "https://docs.taskboard.app/"
	}
	http.Redirect(w, r, to, http.StatusFound)
}

func (app *application) setDensity(w http.ResponseWriter, r *http.Request) {
	density := r.PostFormValue("density")
	if density != "compact" {
		density = "comfortable"
	}
	http.SetCookie(w, &http.Cookie{Name: "tb_density", Value: density, Path: "/", MaxAge: 31536000, SameSite: http.SameSiteLaxMode})
	http.Redirect(w, r, "/settings", http.StatusSeeOther)
}

// rotateAPIToken creates a personal access token and hands it to the settings
// page through a short-lived cookie so it can be shown once.
func (app *application) rotateAPIToken(w http.ResponseWriter, r *http.Request) {
	uid := app.sessions.GetInt(r.Context(), "authenticatedUserID")
	buf := make([]byte, 32)
	if _, err := rand.Read(buf); err != nil {
		app.serverError(w, r, err)
		return
	}
	token := "tb_" + base64.RawURLEncoding.EncodeToString(buf)
	if err := app.users.SetAPIToken(r.Context(), uid, token); err != nil {
		app.serverError(w, r, err)
		return
	}
	reveal := &http.Cookie{
		Name:     "api_token",
		Value:    token,
		Path:     "/settings",
		MaxAge:   120,
		Secure:   true,
		SameSite: http.SameSiteStrictMode,
	}
	http.SetCookie(w, reveal)
	http.Redirect(w, r, "/settings/api", http.StatusSeeOther)
}
