// Package web implements the customer-facing ordering portal.
package web

import (
	"context"
	"database/sql"
	"html/template"
	"log"
	"net/http"
	"time"

	"github.com/gorilla/sessions"
	"golang.org/x/oauth2"
)

const sessionName = "brewlog_portal"

type ctxKey int

const customerKey ctxKey = 1

// App bundles the dependencies of the portal handlers.
type App struct {
	db          *sql.DB
	store       *sessions.FilesystemStore
	distributor *oauth2.Config
	tmpl        *template.Template
}

// New builds the portal application.
func New(db *sql.DB, store *sessions.FilesystemStore, distributor *oauth2.Config) *App {
	return &App{
		db:          db,
		store:       store,
		distributor: distributor,
		tmpl:        template.Must(template.ParseGlob("web/templates/*.html")),
	}
}

// AccessLog writes one line per request.
func AccessLog(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		next.ServeHTTP(w, r)
		log.Printf("%s %s %s", r.Method, r.URL.Path, time.Since(start).Round(time.Millisecond))
	})
}

func (a *App) requireCustomer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sess, err := a.store.Get(r, sessionName)
		if err != nil {
			http.Error(w, "session error", http.StatusBadRequest)
			return
		}
		id, ok := sess.Values["customer_id"].(int64)
		if !ok {
			w.Header().Set("Location", "/login")
			w.WriteHeader(http.StatusSeeOther)
			return
		}
		ctx := context.WithValue(r.Context(), customerKey, id)
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

func customerID(r *http.Request) int64 {
	id, _ := r.Context().Value(customerKey).(int64)
	return id
}

func (a *App) render(w http.ResponseWriter, name string, data any) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if err := a.tmpl.ExecuteTemplate(w, name, data); err != nil {
		log.Printf("render %s: %v", name, err)
	}
}

// Routes registers the portal routes on mux.
func (a *App) Routes(mux *http.ServeMux) {
	mux.HandleFunc("GET /login", a.loginForm)
	mux.HandleFunc("POST /login", a.login)
	mux.HandleFunc("POST /logout", a.logout)
	mux.HandleFunc("GET /invite/{code}", a.acceptInvite)
	mux.HandleFunc("GET /auth/distributor", a.distributorStart)
	mux.HandleFunc("GET /auth/distributor/callback", a.distributorCallback)
	mux.HandleFunc("POST /consent", a.saveConsent)
	mux.Handle("GET /orders", a.requireCustomer(http.HandlerFunc(a.listOrders)))
	mux.Handle("POST /orders", a.requireCustomer(http.HandlerFunc(a.placeOrder)))
	mux.Handle("POST /orders/{id}/cancel", a.requireCustomer(http.HandlerFunc(a.cancelOrder)))
	mux.Handle("POST /account/address", a.requireCustomer(http.HandlerFunc(a.updateAddress)))
}
