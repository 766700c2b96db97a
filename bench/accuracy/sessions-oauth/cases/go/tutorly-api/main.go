package main

import (
	"log"
	"net/http"
	"os"
	"time"

	"github.com/gin-gonic/gin"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
)

type server struct {
	db  *gorm.DB
	key []byte
}

func main() {
	db, err := gorm.Open(postgres.Open(os.Getenv("TUTORLY_DSN")), &gorm.Config{})
	if err != nil {
		log.Fatal(err)
	}
	if err := db.AutoMigrate(&Student{}, &Tutor{}, &Parent{}, &RefreshToken{}, &Family{}); err != nil {
		log.Fatal(err)
	}
	s := &server{db: db, key: []byte(os.Getenv("TUTORLY_JWT_KEY"))}

	r := gin.New()
	r.Use(gin.Logger(), gin.Recovery())
	r.POST("/auth/login", s.login)
	r.POST("/auth/refresh", s.refresh)
	r.POST("/auth/refresh/classroom", s.refreshClassroom)
	r.POST("/auth/refresh/ios", s.refreshIOS)
	r.POST("/auth/refresh/desktop", s.refreshDesktop)
	r.POST("/auth/refresh/ext", s.refreshExtension)
	r.POST("/auth/password/reset", s.resetPassword)
	authed := r.Group("/", s.requireStudent)
	authed.POST("/auth/logout", s.logout)
	authed.POST("/auth/logout-all", s.logoutAll)

	// Native and browser-extension clients send "Authorization: Bearer"; no cookies.
	srv := &http.Server{Addr: ":9000", Handler: r, ReadHeaderTimeout: 5 * time.Second}
	log.Fatal(srv.ListenAndServe())
}
