package main

import (
	"context"
	"log"
	"net/http"
	"os"
	"time"

	"github.com/gin-contrib/sessions"
	"github.com/gin-contrib/sessions/redis"
	"github.com/gin-gonic/gin"
	"github.com/jackc/pgx/v5/pgxpool"

	"gitlab.example.com/channel/partnerportal/handlers"
	"gitlab.example.com/channel/partnerportal/sso"
)

func main() {
	pool, err := pgxpool.New(context.Background(), os.Getenv("PARTNER_DB_URL"))
	if err != nil {
		log.Fatal(err)
	}
	defer pool.Close()

	store, err := redis.NewStore(16, "tcp", os.Getenv("REDIS_ADDR"), os.Getenv("REDIS_PASSWORD"), []byte(os.Getenv("SESSION_SECRET")))
	if err != nil {
		log.Fatal(err)
	}
	store.Options(sessions.Options{
		Path:     "/",
		MaxAge:   int((10 * time.Hour).Seconds()),
		HttpOnly: true,
	})

	router := gin.Default()
	router.LoadHTMLGlob("templates/*.html")
	router.Use(sessions.Sessions("pp_session", store))

	h := handlers.New(pool)
	s := sso.New(pool)

	router.GET("/login", h.LoginPage)
	router.POST("/login", h.Login)
	router.POST("/register", h.Register)
	router.GET("/locale/:lang", h.SetLocale)
	router.GET("/sso/okta", s.OktaStart)
	router.GET("/sso/okta/callback", s.OktaCallback)

	partner := router.Group("/partners", h.RequirePartner)
	partner.GET("/dashboard", h.Dashboard)
	partner.POST("/deals", h.CreateDeal)
	partner.POST("/deals/:id/withdraw", h.WithdrawDeal)
	partner.POST("/api-key", h.IssueAPIKey)
	partner.POST("/logout", h.Logout)
	partner.GET("/connect/salesforce", s.SalesforceStart)
	partner.GET("/connect/salesforce/callback", s.SalesforceCallback)
	partner.GET("/connect/hubspot", s.HubSpotStart)
	partner.GET("/connect/hubspot/callback", s.HubSpotCallback)

	srv := &http.Server{
		Addr:         ":" + os.Getenv("PORT"),
		Handler:      router,
		ReadTimeout:  10 * time.Second,
		WriteTimeout: 10 * time.Second,
	}
	log.Fatal(srv.ListenAndServe())
}
