package main

import (
	"log"
	"net/http"
	"os"
	"time"

	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

type api struct {
	db     *gorm.DB
	jwtKey []byte
}

func main() {
	db, err := gorm.Open(postgres.Open(os.Getenv("FITLOG_DSN")), &gorm.Config{Logger: logger.Default.LogMode(logger.Warn)})
	if err != nil {
		log.Fatal(err)
	}
	if err := migrate(db); err != nil {
		log.Fatal(err)
	}
	a := &api{db: db, jwtKey: []byte(os.Getenv("FITLOG_JWT_SECRET"))}

	mux := http.NewServeMux()
	mux.HandleFunc("POST /v3/auth/login", a.login)
	mux.HandleFunc("POST /v3/auth/refresh", a.refresh)
	mux.HandleFunc("POST /v3/auth/refresh/watch", a.refreshWatch)
	mux.HandleFunc("POST /v3/auth/refresh/widget", a.refreshWidget)
	mux.HandleFunc("POST /v3/auth/refresh/tv", a.refreshTV)
	mux.HandleFunc("POST /v3/auth/refresh/sync", a.refreshSync)
	mux.HandleFunc("POST /v2/auth/refresh", a.refreshAndroidLegacy)
	mux.HandleFunc("POST /v3/auth/logout", a.authenticated(a.logout))
	mux.HandleFunc("POST /v3/auth/logout/watch", a.authenticated(a.logoutWatch))
	mux.HandleFunc("POST /v3/account/password", a.authenticated(a.changePassword))
	mux.HandleFunc("POST /v3/account/password/reset", a.resetPassword)
	mux.HandleFunc("GET /v3/workouts", a.authenticated(a.listWorkouts))

	// Mobile and watch clients send bearer tokens; there are no cookies.
	server := &http.Server{
		Addr:              os.Getenv("FITLOG_ADDR"),
		Handler:           mux,
		ReadHeaderTimeout: 5 * time.Second,
	}
	log.Fatal(server.ListenAndServe())
}
