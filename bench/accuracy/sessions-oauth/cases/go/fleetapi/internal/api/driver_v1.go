package api

import (
	"net/http"
	"strconv"

	"github.com/fleetops/fleetapi/internal/models"
	"github.com/gin-gonic/gin"
	"golang.org/x/crypto/bcrypt"
)

// The v1 driver API predates token revocation; it is kept for the Android
// app versions still in the field.

func (h *handlers) driverLogin(c *gin.Context) {
	var body struct {
		Phone    string `json:"phone" binding:"required"`
		Password string `json:"password" binding:"required"`
	}
	if err := c.ShouldBindJSON(&body); err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": "phone and password required"})
		return
	}
	var d models.Driver
	if err := h.DB.WithContext(c).Where("phone = ?", body.Phone).First(&d).Error; err != nil ||
		bcrypt.CompareHashAndPassword([]byte(d.PasswordHash), []byte(body.Password)) != nil {
		c.JSON(http.StatusUnauthorized, gin.H{"error": "invalid credentials"})
		return
	}
	access, _ := h.Issuer.AccessForDriver(&d)
	refresh, _ := h.Issuer.DriverRefresh(&d)
	c.JSON(http.StatusOK, gin.H{"access_token": access, "refresh_token": refresh})
}

func (h *handlers) loadDriver(c *gin.Context, subject string) (*models.Driver, bool) {
	id, err := strconv.ParseUint(subject, 10, 64)
	if err != nil {
		return nil, false
	}
	var d models.Driver
	if err := h.DB.WithContext(c).First(&d, id).Error; err != nil {
		return nil, false
	}
	return &d, true
}

func (h *handlers) driverRefresh(c *gin.Context) {
	var body struct {
		RefreshToken string `json:"refresh_token" binding:"required"`
	}
	if err := c.ShouldBindJSON(&body); err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": "refresh_token required"})
		return
	}
	claims, err := h.Issuer.Parse(body.RefreshToken, "driver-refresh")
	if err != nil {
		c.JSON(http.StatusUnauthorized, gin.H{"error": "invalid refresh token"})
		return
	}
	d, ok := h.loadDriver(c, claims.Subject)
	if !ok {
		c.JSON(http.StatusUnauthorized, gin.H{"error": "unknown driver"})
		return
	}
	access, _ := h.Issuer.AccessForDriver(d)
	c.JSON(http.StatusOK, gin.H{"access_token": access, "refresh_token": body.RefreshToken})
}

// driverDeviceRefresh is used by the in-cab tablets, which want a fresh
// refresh token on every call.
func (h *handlers) driverDeviceRefresh(c *gin.Context) {
	var body struct {
		RefreshToken string `json:"refresh_token" binding:"required"`
	}
	if err := c.ShouldBindJSON(&body); err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": "refresh_token required"})
		return
	}
	claims, err := h.Issuer.Parse(body.RefreshToken, "driver-refresh")
	if err != nil {
		c.JSON(http.StatusUnauthorized, gin.H{"error": "invalid refresh token"})
		return
	}
	d, ok := h.loadDriver(c, claims.Subject)
	if !ok {
		c.JSON(http.StatusUnauthorized, gin.H{"error": "unknown driver"})
		return
	}
	access, _ := h.Issuer.AccessForDriver(d)
	rotated, err := h.Issuer.DriverRefresh(d)
	if err != nil {
		c.Status(http.StatusInternalServerError)
		return
	}
	c.JSON(http.StatusOK, gin.H{"access_token": access, "refresh_token": rotated})
}

func (h *handlers) driverLogout(c *gin.Context) {
	// Tokens are stateless; the app drops them from secure storage.
	c.JSON(http.StatusOK, gin.H{"message": "logged out"})
}

func (h *handlers) driverChangePassword(c *gin.Context) {
	var body struct {
		New string `json:"new_password" binding:"required,min=10"`
	}
	if err := c.ShouldBindJSON(&body); err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": "invalid body"})
		return
	}
	hash, err := bcrypt.GenerateFromPassword([]byte(body.New), 12)
	if err != nil {
		c.Status(http.StatusInternalServerError)
		return
	}
	driverID := c.MustGet("driver_id").(uint)
	if err := h.DB.WithContext(c).Model(&models.Driver{}).Where("id = ?", driverID).Update("password_hash", string(hash)).Error; err != nil {
		c.Status(http.StatusInternalServerError)
		return
	}
	c.JSON(http.StatusOK, gin.H{"status": "password changed"})
}
