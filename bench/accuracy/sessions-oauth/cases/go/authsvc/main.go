package main

import (
	"context"
	"encoding/base64"
	"log"
	"net/http"
	"os"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/gorilla/csrf"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/redis/go-redis/v9"
)

func main() {
	pool, err := pgxpool.New(context.Background(), os.Getenv("AUTHSVC_DB"))
	if err != nil {
		log.Fatal(err)
	}
	rdb := redis.NewClient(&redis.Options{Addr: os.Getenv("AUTHSVC_REDIS")})

	jwtKey, _ := base64.StdEncoding.DecodeString(os.Getenv("AUTHSVC_JWT_KEY"))
	csrfKey, _ := base64.StdEncoding.DecodeString(os.Getenv("AUTHSVC_CSRF_KEY"))

	svc := &service{db: pool, rdb: rdb, key: jwtKey}

	r := gin.New()
	r.Use(gin.Recovery())

	v1 := r.Group("/v1")
	v1.POST("/login", svc.login)
	v1.POST("/refresh", svc.refresh)
	v1.POST("/refresh/access", svc.refreshAccessOnly)
	v1.POST("/logout", svc.requireAuth(), svc.logout)
	v1.POST("/password", svc.requireAuth(), svc.changePassword)
	v1.GET("/me", svc.requireAuth(), svc.me)

	v0 := r.Group("/v0")
	v0.POST("/login", svc.loginV0)
	v0.POST("/refresh", svc.refreshV0)
	v0.POST("/keepalive", svc.keepAliveV0)
	v0.POST("/logout", svc.logoutV0)
	v0.POST("/password", svc.legacyAuth(), svc.changePasswordV0)
	v0.GET("/me", svc.legacyAuth(), svc.me)

	r.POST("/prefs/theme", svc.setTheme)

	protected := csrf.Protect(csrfKey,
		csrf.Secure(true),
		csrf.Path("/"),
		csrf.RequestHeader("X-CSRF-Token"),
	)(r)

	srv := &http.Server{Addr: ":8080", Handler: protected, ReadHeaderTimeout: 5 * time.Second}
	log.Fatal(srv.ListenAndServe())
}
