package main

import (
	"net/http"

	"github.com/gin-gonic/gin"
	"golang.org/x/crypto/bcrypt"
)

// v0 is the API of the embeddable support widget (2021). The widget script
// reads access_token from document.cookie and runs inside customer sites.

func (s *service) loginV0(c *gin.Context) {
	uid, ok := s.checkCredentials(c)
	if !ok {
		c.JSON(http.StatusUnauthorized, gin.H{"error": "invalid credentials"})
		return
	}
	at, _ := s.mintAccess(c, uid)
	legacyRT, err := s.storeRefresh(c, uid)
	if err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	c.SetCookie("access_token", at, 3600, "/", "", true, false)
	c.SetSameSite(http.SameSiteNoneMode)
	c.SetCookie("refresh_token", legacyRT, 30*24*3600, "/v0", "", true, true)
	c.JSON(http.StatusOK, gin.H{"user": uid})
}

func (s *service) refreshV0(c *gin.Context) {
	presented, err := c.Cookie("refresh_token")
	if err != nil {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	uid, err := s.rdb.Get(c, "rt:"+digest(presented)).Result()
	if err != nil {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	at, _ := s.mintAccess(c, uid)
	nextRT, err := s.storeRefresh(c, uid)
	if err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	c.SetSameSite(http.SameSiteLaxMode)
	c.SetCookie("access_token", at, 3600, "/", "", true, true)
	c.SetCookie("refresh_token", nextRT, 30*24*3600, "/v0", "", true, true)
	c.Status(http.StatusNoContent)
}

// keepAliveV0 slides the expiry of the current refresh token instead of
// issuing a new one.
func (s *service) keepAliveV0(c *gin.Context) {
	presented, err := c.Cookie("refresh_token")
	if err != nil {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	uid, err := s.rdb.Get(c, "rt:"+digest(presented)).Result()
	if err != nil {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	s.rdb.Expire(c, "rt:"+digest(presented), refreshTTL)
	at, _ := s.mintAccess(c, uid)
	c.SetSameSite(http.SameSiteLaxMode)
	c.SetCookie("access_token", at, int(accessTTL.Seconds()), "/", "", true, true)
	c.SetCookie("refresh_token", presented, int(refreshTTL.Seconds()), "/v0", "", true, true)
	c.Status(http.StatusNoContent)
}

func (s *service) logoutV0(c *gin.Context) {
	c.SetCookie("access_token", "", -1, "/", "", false, true)
	c.SetCookie("refresh_token", "", -1, "/v0", "", false, true)
	c.JSON(http.StatusOK, gin.H{"ok": true})
}

func (s *service) changePasswordV0(c *gin.Context) {
	cl := c.MustGet("claims").(*claims)
	hash, err := bcrypt.GenerateFromPassword([]byte(c.PostForm("new_password")), 12)
	if err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	if _, err := s.db.Exec(c, `UPDATE accounts SET password_hash = $1, password_changed_at = now() WHERE id = $2`, string(hash), cl.Subject); err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	c.JSON(http.StatusOK, gin.H{"ok": true})
}
