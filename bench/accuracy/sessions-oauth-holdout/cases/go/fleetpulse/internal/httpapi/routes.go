// Package httpapi wires the gin routes.
package httpapi

import (
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/redis/go-redis/v9"
	"gorm.io/gorm"

	"github.com/fleetpulse/dispatch-api/internal/auth"
)

func NewRouter(db *gorm.DB, rdb *redis.Client, key []byte) *gin.Engine {
	r := gin.New()
	r.Use(gin.Recovery(), gin.Logger())

	h := auth.NewHandlers(db, rdb, key)
	trips := &Trips{DB: db}

	r.GET("/", func(c *gin.Context) { c.Redirect(http.StatusMovedPermanently, "/app/") })
	r.GET("/t/:code", trips.TrackingLink)
	r.GET("/handoff", Handoff)

	a := r.Group("/auth")
	a.POST("/login", h.Login)
	a.POST("/refresh/driver", h.DriverRefresh)
	a.POST("/refresh/dispatcher", h.DispatcherRefresh)
	a.POST("/refresh/partner", h.PartnerRefresh)
	a.POST("/refresh/device", h.DeviceRefresh)
	a.POST("/refresh/gateway", h.GatewayRefresh)
	a.POST("/password/reset", h.ResetPassword)

	api := r.Group("/v1", h.RequireToken())
	api.POST("/logout", h.Logout)
	api.POST("/password", h.ChangePassword)
	api.GET("/trips", trips.List)
	api.POST("/trips/:id/assign", trips.Assign)
	return r
}
