package api

import (
	"errors"
	"net/http"

	"github.com/fleetops/fleetapi/internal/auth"
	"github.com/fleetops/fleetapi/internal/models"
	"github.com/gin-gonic/gin"
	"golang.org/x/crypto/bcrypt"
	"gorm.io/gorm"
)

type tokenPair struct {
	AccessToken  string `json:"access_token"`
	RefreshToken string `json:"refresh_token"`
	TokenType    string `json:"token_type"`
}

func (h *handlers) login(c *gin.Context) {
	var body struct {
		Email    string `json:"email" binding:"required,email"`
		Password string `json:"password" binding:"required"`
	}
	if err := c.ShouldBindJSON(&body); err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": "email and password required"})
		return
	}
	var u models.User
	if err := h.DB.WithContext(c).Where("email = ?", body.Email).First(&u).Error; err != nil ||
		bcrypt.CompareHashAndPassword([]byte(u.PasswordHash), []byte(body.Password)) != nil {
		c.JSON(http.StatusUnauthorized, gin.H{"error": "invalid credentials"})
		return
	}
	access, err := h.Issuer.AccessForUser(&u)
	if err != nil {
		c.Status(http.StatusInternalServerError)
		return
	}
	refresh, err := h.Refresh.Issue(c, u.ID)
	if err != nil {
		c.Status(http.StatusInternalServerError)
		return
	}
	c.JSON(http.StatusOK, tokenPair{AccessToken: access, RefreshToken: refresh, TokenType: "Bearer"})
}

func (h *handlers) refresh(c *gin.Context) {
	var body struct {
		RefreshToken string `json:"refresh_token" binding:"required"`
	}
	if err := c.ShouldBindJSON(&body); err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": "refresh_token required"})
		return
	}
	old, err := h.Refresh.Lookup(c, body.RefreshToken)
	if err != nil {
		c.JSON(http.StatusUnauthorized, gin.H{"error": "invalid refresh token"})
		return
	}
	if old.RevokedAt != nil {
		// A revoked token came back: assume theft and kill the whole family.
		_ = h.Refresh.RevokeFamily(c, old.FamilyID)
		c.JSON(http.StatusUnauthorized, gin.H{"error": "refresh token reused"})
		return
	}
	var u models.User
	if err := h.DB.WithContext(c).First(&u, old.UserID).Error; err != nil {
		c.JSON(http.StatusUnauthorized, gin.H{"error": "invalid refresh token"})
		return
	}
	next, err := h.Refresh.Rotate(c, old)
	if errors.Is(err, auth.ErrRefreshReused) {
		_ = h.Refresh.RevokeFamily(c, old.FamilyID)
		c.JSON(http.StatusUnauthorized, gin.H{"error": "refresh token reused"})
		return
	} else if err != nil {
		c.Status(http.StatusInternalServerError)
		return
	}
	access, err := h.Issuer.AccessForUser(&u)
	if err != nil {
		c.Status(http.StatusInternalServerError)
		return
	}
	c.JSON(http.StatusOK, tokenPair{AccessToken: access, RefreshToken: next, TokenType: "Bearer"})
}

func (h *handlers) logout(c *gin.Context) {
	claims := c.MustGet("claims").(*auth.Claims)
	if err := h.Denylist.Add(c, claims.ID, claims.ExpiresAt.Time); err != nil {
		c.Status(http.StatusInternalServerError)
		return
	}
	_ = h.Refresh.RevokeAllForUser(c, c.MustGet("user_id").(uint))
	c.Status(http.StatusNoContent)
}

func (h *handlers) changePassword(c *gin.Context) {
	var body struct {
		Current string `json:"current_password" binding:"required"`
		New     string `json:"new_password" binding:"required,min=12"`
	}
	if err := c.ShouldBindJSON(&body); err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": "invalid body"})
		return
	}
	var u models.User
	if err := h.DB.WithContext(c).First(&u, c.MustGet("user_id")).Error; err != nil {
		c.Status(http.StatusNotFound)
		return
	}
	if bcrypt.CompareHashAndPassword([]byte(u.PasswordHash), []byte(body.Current)) != nil {
		c.JSON(http.StatusForbidden, gin.H{"error": "current password is wrong"})
		return
	}
	hash, err := bcrypt.GenerateFromPassword([]byte(body.New), 12)
	if err != nil {
		c.Status(http.StatusInternalServerError)
		return
	}
	err = h.DB.WithContext(c).Transaction(func(tx *gorm.DB) error {
		if err := tx.Model(&u).Updates(map[string]any{"password_hash": string(hash), "token_version": gorm.Expr("token_version + 1")}).Error; err != nil {
			return err
		}
		return tx.Where("user_id = ?", u.ID).Delete(&models.RefreshToken{}).Error
	})
	if err != nil {
		c.Status(http.StatusInternalServerError)
		return
	}
	c.JSON(http.StatusOK, gin.H{"status": "password changed, please sign in again"})
}
