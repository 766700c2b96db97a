package auth

import (
	"net/http"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/google/uuid"
	"golang.org/x/crypto/bcrypt"
	"gorm.io/gorm"

	"github.com/fleetpulse/dispatch-api/internal/models"
)

type refreshBody struct {
	RefreshToken string `json:"refresh_token" binding:"required"`
}

func respondTokens(c *gin.Context, access, refresh string) {
	c.JSON(http.StatusOK, gin.H{"token_type": "Bearer", "access_token": access, "refresh_token": refresh, "expires_in": 600})
}

func (h *Handlers) Login(c *gin.Context) {
	var in struct {
		Login    string `json:"login" binding:"required"`
		Password string `json:"password" binding:"required"`
	}
	if err := c.ShouldBindJSON(&in); err != nil {
		c.AbortWithStatusJSON(http.StatusBadRequest, gin.H{"error": "login and password required"})
		return
	}
	var d models.Dispatcher
	if err := h.db.Where("login = ? AND active", in.Login).First(&d).Error; err != nil ||
		bcrypt.CompareHashAndPassword([]byte(d.PasswordHash), []byte(in.Password)) != nil {
		c.AbortWithStatusJSON(http.StatusUnauthorized, gin.H{"error": "invalid credentials"})
		return
	}
	subject := strconv.FormatUint(uint64(d.ID), 10)
	access, _ := h.accessToken(subject, "dispatcher", d.TokenVersion)
	refresh, err := h.issueRefresh(subject, "dispatcher", uuid.NewString())
	if err != nil {
		c.AbortWithStatusJSON(http.StatusInternalServerError, gin.H{"error": "could not sign in"})
		return
	}
	respondTokens(c, access, refresh)
}

func (h *Handlers) lookup(c *gin.Context, kind string) (*models.RefreshToken, string, bool) {
	var body refreshBody
	if err := c.ShouldBindJSON(&body); err != nil {
		c.AbortWithStatusJSON(http.StatusBadRequest, gin.H{"error": "refresh_token required"})
		return nil, "", false
	}
	var stored models.RefreshToken
	if err := h.db.Where("token_hash = ? AND kind = ? AND used_at IS NULL AND expires_at > ?", digest(body.RefreshToken), kind, time.Now()).
		First(&stored).Error; err != nil {
		c.AbortWithStatusJSON(http.StatusUnauthorized, gin.H{"error": "invalid_grant"})
		return nil, "", false
	}
	return &stored, body.RefreshToken, true
}

func (h *Handlers) DriverRefresh(c *gin.Context) {
	stored, _, ok := h.lookup(c, "driver")
	if !ok {
		return
	}
	if err := h.db.Delete(stored).Error; err != nil {
		c.AbortWithStatusJSON(http.StatusInternalServerError, gin.H{"error": "could not refresh"})
		return
	}
	version, _ := h.currentVersion(c, "driver", stored.Subject)
	access, _ := h.accessToken(stored.Subject, "driver", version)
	refresh, err := h.issueRefresh(stored.Subject, "driver", stored.FamilyID)
	if err != nil {
		c.AbortWithStatusJSON(http.StatusInternalServerError, gin.H{"error": "could not refresh"})
		return
	}
	c.JSON(http.StatusOK, gin.H{"access_token": access, "refresh_token": refresh})
}

func (h *Handlers) DispatcherRefresh(c *gin.Context) {
	var body refreshBody
	if err := c.ShouldBindJSON(&body); err != nil {
		c.AbortWithStatusJSON(http.StatusBadRequest, gin.H{"error": "refresh_token required"})
		return
	}
	successor := opaque()
	stored, err := h.rotate(c, body.RefreshToken, successor)
	if err != nil {
		c.AbortWithStatusJSON(http.StatusUnauthorized, gin.H{"error": "invalid_grant"})
		return
	}
	version, _ := h.currentVersion(c, "dispatcher", stored.Subject)
	access, _ := h.accessToken(stored.Subject, "dispatcher", version)
	c.JSON(http.StatusOK, gin.H{"access_token": access, "refresh_token": successor})
}

// PartnerRefresh serves the TMS integrations of our haulage partners.
func (h *Handlers) PartnerRefresh(c *gin.Context) {
	stored, presented, ok := h.lookup(c, "partner")
	if !ok {
		return
	}
	access, _ := h.accessToken(stored.Subject, "partner", 0)
	c.JSON(http.StatusOK, gin.H{"access_token": access, "refresh_token": presented, "token_type": "Bearer"})
}

// DeviceRefresh serves the in-cab telematics units.
func (h *Handlers) DeviceRefresh(c *gin.Context) {
	stored, _, ok := h.lookup(c, "device")
	if !ok {
		return
	}
	access, _ := h.accessToken(stored.Subject, "device", 0)
	deviceRefresh, err := h.issueRefresh(stored.Subject, "device", stored.FamilyID)
	if err != nil {
		c.AbortWithStatusJSON(http.StatusInternalServerError, gin.H{"error": "could not refresh"})
		return
	}
	c.JSON(http.StatusOK, gin.H{"access_token": access, "refresh_token": deviceRefresh})
}

// GatewayRefresh serves the trailer sensor gateways.
func (h *Handlers) GatewayRefresh(c *gin.Context) {
	stored, presented, ok := h.lookup(c, "gateway")
	if !ok {
		return
	}
	access, _ := h.accessToken(stored.Subject, "gateway", 0)
	respondTokens(c, access, presented)
}

func (h *Handlers) Logout(c *gin.Context) {
	claims := c.MustGet(ClaimsKey).(*Claims)
	if err := h.rdb.Set(c, "deny:"+claims.ID, 1, time.Until(claims.ExpiresAt.Time)).Err(); err != nil {
		c.AbortWithStatusJSON(http.StatusServiceUnavailable, gin.H{"error": "could not sign out"})
		return
	}
	var body struct {
		RefreshToken string `json:"refresh_token"`
	}
	if c.ShouldBindJSON(&body) == nil && body.RefreshToken != "" {
		h.db.Where("token_hash = ? AND subject = ?", digest(body.RefreshToken), claims.Subject).Delete(&models.RefreshToken{})
	}
	c.Status(http.StatusNoContent)
}

func (h *Handlers) ChangePassword(c *gin.Context) {
	claims := c.MustGet(ClaimsKey).(*Claims)
	var in struct {
		Current string `json:"current_password" binding:"required"`
		New     string `json:"new_password" binding:"required,min=12"`
	}
	if err := c.ShouldBindJSON(&in); err != nil {
		c.AbortWithStatusJSON(http.StatusBadRequest, gin.H{"error": err.Error()})
		return
	}
	var d models.Dispatcher
	if err := h.db.First(&d, "id = ?", claims.Subject).Error; err != nil ||
		bcrypt.CompareHashAndPassword([]byte(d.PasswordHash), []byte(in.Current)) != nil {
		c.AbortWithStatusJSON(http.StatusForbidden, gin.H{"error": "current password is wrong"})
		return
	}
	hash, _ := bcrypt.GenerateFromPassword([]byte(in.New), 12)
	if err := h.db.Model(&d).Updates(map[string]any{"password_hash": string(hash), "token_version": gorm.Expr("token_version + 1")}).Error; err != nil {
		c.AbortWithStatusJSON(http.StatusInternalServerError, gin.H{"error": "could not change password"})
		return
	}
	c.JSON(http.StatusOK, gin.H{"password_changed": true, "sign_in_again": true})
}

// ResetPassword completes the SMS-code reset of the driver app.
func (h *Handlers) ResetPassword(c *gin.Context) {
	var in struct {
		Phone string `json:"phone" binding:"required"`
		Code  string `json:"code" binding:"required"`
		New   string `json:"new_password" binding:"required,min=10"`
	}
	if err := c.ShouldBindJSON(&in); err != nil {
		c.AbortWithStatusJSON(http.StatusBadRequest, gin.H{"error": err.Error()})
		return
	}
	var reset models.PasswordReset
	err := h.db.Where("phone = ? AND code_hash = ? AND expires_at > ?", in.Phone, digest(in.Code), time.Now()).First(&reset).Error
	if err != nil {
		c.AbortWithStatusJSON(http.StatusForbidden, gin.H{"error": "code expired"})
		return
	}
	hash, _ := bcrypt.GenerateFromPassword([]byte(in.New), 12)
	if err := h.db.Model(&models.Driver{}).Where("id = ?", reset.DriverID).Update("password_hash", string(hash)).Error; err != nil {
		c.AbortWithStatusJSON(http.StatusInternalServerError, gin.H{"error": "could not reset password"})
		return
	}
	h.db.Delete(&reset)
	c.JSON(http.StatusOK, gin.H{"password_reset": true})
}
