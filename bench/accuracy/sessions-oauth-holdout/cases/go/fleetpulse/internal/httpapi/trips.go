package httpapi

import (
	"fmt"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
	"gorm.io/gorm"

	"github.com/fleetpulse/dispatch-api/internal/auth"
	"github.com/fleetpulse/dispatch-api/internal/models"
)

type Trips struct {
	DB *gorm.DB
}

func (t *Trips) List(c *gin.Context) {
	var trips []models.Trip
	q := t.DB.Where("depot_id = ?", c.Query("depot")).Order("planned_start")
	if day := c.Query("day"); day != "" {
		q = q.Where("DATE(planned_start) = ?", day)
	}
	if err := q.Limit(500).Find(&trips).Error; err != nil {
		c.AbortWithStatusJSON(http.StatusInternalServerError, gin.H{"error": "could not load trips"})
		return
	}
	c.JSON(http.StatusOK, trips)
}

func (t *Trips) Assign(c *gin.Context) {
	var in struct {
		DriverID  uint `json:"driver_id" binding:"required"`
		VehicleID uint `json:"vehicle_id" binding:"required"`
	}
	if err := c.ShouldBindJSON(&in); err != nil {
		c.AbortWithStatusJSON(http.StatusBadRequest, gin.H{"error": err.Error()})
		return
	}
	claims := c.MustGet(auth.ClaimsKey).(*auth.Claims)
	res := t.DB.Model(&models.Trip{}).Where("id = ? AND status = ?", c.Param("id"), "planned").
		Updates(map[string]any{"driver_id": in.DriverID, "vehicle_id": in.VehicleID, "assigned_by": claims.Subject, "assigned_at": time.Now()})
	if res.Error != nil || res.RowsAffected == 0 {
		c.AbortWithStatusJSON(http.StatusConflict, gin.H{"error": "trip is no longer plannable"})
		return
	}
	c.Status(http.StatusNoContent)
}

// TrackingLink sends a customer from the SMS link to the public tracking page.
func (t *Trips) TrackingLink(c *gin.Context) {
	var trip models.Trip
	if err := t.DB.Where("sms_code = ?", c.Param("code")).First(&trip).Error; err != nil {
		c.String(http.StatusNotFound, "This tracking link has expired.")
		return
	}
	c.Redirect(http.StatusFound, fmt.Sprintf("/track/%s", trip.PublicCode))
}

// Handoff opens the dispatcher console after the desktop tray app has signed in.
func Handoff(c *gin.Context) {
	c.Redirect(http.StatusFound, c.Query("continue"))
}
