// Package server assembles the HTTP routes.
package server

import (
	"net/http"

	"github.com/alexedwards/scs/v2"
	"github.com/go-chi/chi/v5"
	chimw "github.com/go-chi/chi/v5/middleware"
	"gorm.io/gorm"

	"github.com/greenrow-coop/plotshare/internal/auth"
	"github.com/greenrow-coop/plotshare/internal/bookings"
	"github.com/greenrow-coop/plotshare/internal/payments"
)

// Deps are the shared dependencies of the handlers.
type Deps struct {
	DB            *gorm.DB
	Sessions      *scs.SessionManager
	WebhookSecret []byte
}

// NewRouter returns the site's router; anti-forgery and session loading wrap it in main.
func NewRouter(d Deps) http.Handler {
	r := chi.NewRouter()
	r.Use(chimw.RequestID, chimw.RealIP, chimw.Logger, chimw.Recoverer)

	a := auth.New(d.DB, d.Sessions)
	b := bookings.New(d.DB, d.Sessions)

	r.Get("/login", a.LoginForm)
	r.Post("/login", a.Login)
	r.Post("/signup", a.Signup)
	r.Get("/magic/{token}", a.MagicLink)
	r.Post("/logout", a.Logout)
	r.Get("/auth/google", a.GoogleStart)
	r.Get("/auth/google/callback", a.GoogleCallback)

	r.Route("/kiosk", func(r chi.Router) {
		r.Post("/pair", a.PairKiosk)
		r.Get("/signin", a.KioskStart)
		r.Get("/callback", a.KioskCallback)
	})

	r.Post("/webhooks/payments", payments.Webhook(d.DB, d.WebhookSecret))

	r.Group(func(r chi.Router) {
		r.Use(a.RequireMember)
		r.Get("/plots", b.List)
		r.Post("/plots/{id}/book", b.Book)
		r.Post("/bookings/draft", b.SaveDraft)
		r.Post("/preferences/theme", b.SetTheme)
		r.Post("/preferences/locale", b.SetLocale)
		r.Get("/leave", b.LeaveToCouncil)
		r.Get("/mobile/link", a.MobileStart)
		r.Get("/mobile/callback", a.MobileCallback)
	})
	return r
}
