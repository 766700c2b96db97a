// Command api serves the FleetPulse dispatch API used by the driver app, the dispatcher
// console (a single-page app) and partner integrations. Every client sends a bearer token.
package main

import (
	"log"
	"net/http"
	"os"
	"time"

	"github.com/redis/go-redis/v9"
	"gorm.io/driver/mysql"
	"gorm.io/gorm"

	"github.com/fleetpulse/dispatch-api/internal/httpapi"
)

func main() {
	db, err := gorm.Open(mysql.Open(os.Getenv("MYSQL_DSN")), &gorm.Config{})
	if err != nil {
		log.Fatalf("mysql: %v", err)
	}
	rdb := redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR"), DB: 2})

	router := httpapi.NewRouter(db, rdb, []byte(os.Getenv("JWT_SIGNING_KEY")))

	srv := &http.Server{
		Addr:              ":9000",
		Handler:           router,
		ReadHeaderTimeout: 5 * time.Second,
		WriteTimeout:      30 * time.Second,
	}
	log.Printf("dispatch api on %s", srv.Addr)
	if err := srv.ListenAndServe(); err != nil && err != http.ErrServerClosed {
		log.Fatal(err)
	}
}
