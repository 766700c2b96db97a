package main

import (
	"context"
	"encoding/base64"
	"errors"
	"log"
	"net/http"
	"os"
	"os/signal"
	"time"

	"github.com/fleetops/fleetapi/internal/api"
	"github.com/fleetops/fleetapi/internal/auth"
	"github.com/fleetops/fleetapi/internal/models"
	"github.com/gin-gonic/gin"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
)

func main() {
	db, err := gorm.Open(postgres.Open(os.Getenv("FLEET_DATABASE_URL")), &gorm.Config{})
	if err != nil {
		log.Fatalf("db: %v", err)
	}
	if err := models.Migrate(db); err != nil {
		log.Fatalf("migrate: %v", err)
	}

	signingKey, err := base64.StdEncoding.DecodeString(os.Getenv("FLEET_JWT_KEY"))
	if err != nil || len(signingKey) < 32 {
		log.Fatal("FLEET_JWT_KEY must be a base64 key of at least 32 bytes")
	}

	issuer := auth.NewIssuer(signingKey, 15*time.Minute)
	deps := api.Deps{
		DB:       db,
		Issuer:   issuer,
		Refresh:  auth.NewRefreshStore(db, 7*24*time.Hour),
		Denylist: auth.NewDenylist(db),
	}

	router := gin.New()
	router.Use(gin.Logger(), gin.Recovery())
	api.Register(router, deps)

	// Dashboard and mobile clients send "Authorization: Bearer <jwt>";
	// refresh tokens travel in JSON bodies. No cookies are issued.
	srv := &http.Server{
		Addr:              os.Getenv("FLEET_ADDR"),
		Handler:           router,
		ReadHeaderTimeout: 5 * time.Second,
	}

	go func() {
		if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Fatalf("listen: %v", err)
		}
	}()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	<-ctx.Done()

	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_ = srv.Shutdown(shutdownCtx)
}
