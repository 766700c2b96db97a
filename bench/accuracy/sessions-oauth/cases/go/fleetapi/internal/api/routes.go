package api

import (
	"net/http"

	"github.com/fleetops/fleetapi/internal/auth"
	"github.com/fleetops/fleetapi/internal/models"
	"github.com/gin-gonic/gin"
	"gorm.io/gorm"
)

type Deps struct {
	DB       *gorm.DB
	Issuer   *auth.Issuer
	Refresh  *auth.RefreshStore
	Denylist *auth.Denylist
}

func Register(r *gin.Engine, d Deps) {
	h := &handlers{Deps: d}

	v2 := r.Group("/api/v2")
	v2.POST("/auth/login", h.login)
	v2.POST("/auth/refresh", h.refresh)
	authed := v2.Group("", auth.RequireUser(d.Issuer, d.Denylist, d.DB))
	authed.POST("/auth/logout", h.logout)
	authed.POST("/account/password", h.changePassword)
	authed.GET("/vehicles", h.listVehicles)

	v1 := r.Group("/api/v1/driver")
	v1.POST("/login", h.driverLogin)
	v1.POST("/refresh", h.driverRefresh)
	v1.POST("/device/refresh", h.driverDeviceRefresh)
	drv := v1.Group("", auth.RequireDriver(d.Issuer))
	drv.POST("/logout", h.driverLogout)
	drv.POST("/password", h.driverChangePassword)
	drv.GET("/route", h.driverRoute)
}

type handlers struct{ Deps }

func (h *handlers) listVehicles(c *gin.Context) {
	var vehicles []models.Vehicle
	uid := c.MustGet("user_id").(uint)
	err := h.DB.WithContext(c).
		Joins("JOIN fleet_members fm ON fm.fleet_id = vehicles.fleet_id").
		Where("fm.user_id = ?", uid).Find(&vehicles).Error
	if err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": "lookup failed"})
		return
	}
	c.JSON(http.StatusOK, vehicles)
}

func (h *handlers) driverRoute(c *gin.Context) {
	var stops []struct {
		Seq     int
		Address string
	}
	err := h.DB.WithContext(c).Table("route_stops").
		Where("driver_id = ? AND day = CURRENT_DATE", c.MustGet("driver_id")).
		Order("seq").Find(&stops).Error
	if err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": "lookup failed"})
		return
	}
	c.JSON(http.StatusOK, stops)
}
