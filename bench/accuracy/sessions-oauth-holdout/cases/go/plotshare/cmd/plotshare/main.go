// Command plotshare runs the allotment booking site of the Greenrow growing co-op.
package main

import (
	"log"
	"net/http"
	"os"
	"time"

	"github.com/alexedwards/scs/v2"
	"github.com/alexedwards/scs/v2/memstore"
	"github.com/justinas/nosurf"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"

	"github.com/greenrow-coop/plotshare/internal/models"
	"github.com/greenrow-coop/plotshare/internal/server"
)

func main() {
	db, err := gorm.Open(postgres.Open(os.Getenv("DATABASE_URL")), &gorm.Config{})
	if err != nil {
		log.Fatalf("connect: %v", err)
	}
	if err := db.AutoMigrate(&models.Member{}, &models.Organizer{}, &models.Plot{}, &models.Booking{}, &models.MagicLink{}, &models.TrustedDevice{}, &models.Kiosk{}); err != nil {
		log.Fatalf("automigrate: %v", err)
	}

	sessionManager := scs.New()
	sessionManager.Store = memstore.New()
	sessionManager.Lifetime = 12 * time.Hour
	sessionManager.IdleTimeout = 2 * time.Hour
	sessionManager.Cookie.Name = "plotshare_session"
	sessionManager.Cookie.HttpOnly = true
	sessionManager.Cookie.Secure = true
	sessionManager.Cookie.SameSite = http.SameSiteLaxMode

	router := server.NewRouter(server.Deps{
		DB:            db,
		Sessions:      sessionManager,
		WebhookSecret: []byte(os.Getenv("PAYMENTS_WEBHOOK_SECRET")),
	})

	antiForgery := nosurf.New(router)
	antiForgery.SetBaseCookie(http.Cookie{
		Path:     "/",
		HttpOnly: true,
		Secure:   true,
		SameSite: http.SameSiteLaxMode,
	})
	antiForgery.ExemptPath("/webhooks/payments")
	antiForgery.SetFailureHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "This form has expired, please reload the page.", http.StatusForbidden)
	}))

	srv := &http.Server{
		Addr:         ":8000",
		Handler:      sessionManager.LoadAndSave(antiForgery),
		ReadTimeout:  10 * time.Second,
		WriteTimeout: 20 * time.Second,
	}
	log.Printf("plotshare on %s", srv.Addr)
	log.Fatal(srv.ListenAndServe())
}
