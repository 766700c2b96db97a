package main

import (
	"context"
	"crypto/tls"
	"log"
	"net/http"
	"os"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/redis/go-redis/v9"

	"github.com/sensorgrid/iothub/internal/console"
	"github.com/sensorgrid/iothub/internal/device"
)

func main() {
	ctx := context.Background()
	db, err := pgxpool.New(ctx, os.Getenv("HUB_DB"))
	if err != nil {
		log.Fatal(err)
	}
	rdb := redis.NewClient(&redis.Options{Addr: os.Getenv("HUB_REDIS")})

	dev := device.NewAPI(db, []byte(os.Getenv("HUB_DEVICE_JWT_KEY")))
	dr := chi.NewRouter()
	dr.Post("/provision", dev.Provision)
	dr.Post("/token", dev.Refresh)
	dr.Post("/v1/token", dev.RefreshFirmwareV1)
	dr.Post("/gw/token", dev.RefreshGateway)
	dr.Post("/sensor/token", dev.RefreshSensor)
	dr.Post("/telemetry/token", dev.RefreshTelemetryOnly)
	dr.With(dev.Authenticate).Post("/telemetry", dev.Ingest)

	// Devices authenticate with client certificates and bearer JWTs.
	deviceSrv := &http.Server{
		Addr:      ":8883",
		Handler:   dr,
		TLSConfig: &tls.Config{ClientAuth: tls.RequireAndVerifyClientCert, MinVersion: tls.VersionTLS12},
	}
	go func() { log.Fatal(deviceSrv.ListenAndServeTLS(os.Getenv("HUB_CERT"), os.Getenv("HUB_KEY"))) }()

	con, err := console.New(ctx, db, rdb)
	if err != nil {
		log.Fatal(err)
	}
	consoleSrv := &http.Server{
		Addr:         ":8443",
		Handler:      con.Routes(),
		ReadTimeout:  10 * time.Second,
		WriteTimeout: 10 * time.Second,
	}
	log.Fatal(consoleSrv.ListenAndServeTLS(os.Getenv("HUB_CERT"), os.Getenv("HUB_KEY")))
}
