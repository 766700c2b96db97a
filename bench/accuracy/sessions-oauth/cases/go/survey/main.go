package main

import (
	"context"
	"log"
	"net/http"
	"os"

	"github.com/gin-contrib/sessions"
	"github.com/gin-contrib/sessions/cookie"
	"github.com/gin-gonic/gin"
	"github.com/jackc/pgx/v5/pgxpool"
)

func main() {
	pool, err := pgxpool.New(context.Background(), os.Getenv("SURVEY_DB"))
	if err != nil {
		log.Fatal(err)
	}
	h := &handler{db: pool}

	store := cookie.NewStore([]byte(os.Getenv("SURVEY_COOKIE_SECRET")))
	store.Options(sessions.Options{Path: "/", MaxAge: 86400, Secure: true, SameSite: http.SameSiteLaxMode})

	router := gin.Default()
	router.Use(sessions.Sessions("survey", store))
	router.POST("/r/code", h.verifyCode)
	router.GET("/s/:id", h.showSurvey)
	router.POST("/s/:id/answer", h.answer)
	router.POST("/s/:id/finish", h.finish)
	router.GET("/s/:id/done", h.done)

	log.Fatal(http.ListenAndServe(":"+os.Getenv("PORT"), router))
}
