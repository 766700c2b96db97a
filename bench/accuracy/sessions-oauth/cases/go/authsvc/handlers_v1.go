package main

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/redis/go-redis/v9"
	"golang.org/x/crypto/bcrypt"
)

func (s *service) checkCredentials(c *gin.Context) (string, bool) {
	var id int64
	var hash string
	err := s.db.QueryRow(c, `SELECT id, password_hash FROM accounts WHERE email = $1`, c.PostForm("email")).Scan(&id, &hash)
	if err != nil || bcrypt.CompareHashAndPassword([]byte(hash), []byte(c.PostForm("password"))) != nil {
		return "", false
	}
	return userKey(id), true
}

// setAuthCookies writes both cookies with SameSite=Strict; the refresh cookie
// is only sent to /v1/refresh*.
func setAuthCookies(c *gin.Context, access, refresh string) {
	c.SetSameSite(http.SameSiteStrictMode)
	c.SetCookie("access_token", access, int(accessTTL.Seconds()), "/", "", true, true)
	c.SetCookie("refresh_token", refresh, int(refreshTTL.Seconds()), "/v1/refresh", "", true, true)
}

func (s *service) login(c *gin.Context) {
	uid, ok := s.checkCredentials(c)
	if !ok {
		c.JSON(http.StatusUnauthorized, gin.H{"error": "invalid credentials"})
		return
	}
	at, err := s.mintAccess(c, uid)
	if err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	rt, err := s.storeRefresh(c, uid)
	if err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	setAuthCookies(c, at, rt)
	c.Status(http.StatusNoContent)
}

// refresh consumes the presented token with GETDEL, so a second use fails.
func (s *service) refresh(c *gin.Context) {
	presented, err := c.Cookie("refresh_token")
	if err != nil {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	uid, err := s.rdb.GetDel(c, "rt:"+digest(presented)).Result()
	if err == redis.Nil {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	} else if err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	at, err := s.mintAccess(c, uid)
	if err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	rotated, err := s.storeRefresh(c, uid)
	if err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	setAuthCookies(c, at, rotated)
	c.Status(http.StatusNoContent)
}

// refreshAccessOnly lets the SPA renew its in-memory access token without
// touching the refresh cookie.
func (s *service) refreshAccessOnly(c *gin.Context) {
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
	at, err := s.mintAccess(c, uid)
	if err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	c.JSON(http.StatusOK, gin.H{"access_token": at, "expires_in": int(accessTTL.Seconds())})
}

func (s *service) logout(c *gin.Context) {
	cl := c.MustGet("claims").(*claims)
	if err := s.rdb.Set(c, denyKey(cl.ID), 1, time.Until(cl.ExpiresAt.Time)).Err(); err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	_ = s.dropAllRefresh(c, cl.Subject)
	c.SetCookie("access_token", "", -1, "/", "", true, true)
	c.SetCookie("refresh_token", "", -1, "/v1/refresh", "", true, true)
	c.Status(http.StatusNoContent)
}

func (s *service) changePassword(c *gin.Context) {
	cl := c.MustGet("claims").(*claims)
	hash, err := bcrypt.GenerateFromPassword([]byte(c.PostForm("new_password")), 12)
	if err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	if _, err := s.db.Exec(c, `UPDATE accounts SET password_hash = $1 WHERE id = $2`, string(hash), cl.Subject); err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	s.rdb.Incr(c, "tv:"+cl.Subject)
	_ = s.dropAllRefresh(c, cl.Subject)
	c.Status(http.StatusNoContent)
}

func (s *service) me(c *gin.Context) {
	cl := c.MustGet("claims").(*claims)
	var email string
	_ = s.db.QueryRow(c, `SELECT email FROM accounts WHERE id = $1`, cl.Subject).Scan(&email)
	c.JSON(http.StatusOK, gin.H{"id": cl.Subject, "email": email})
}

func (s *service) setTheme(c *gin.Context) {
	theme := c.PostForm("theme")
	if theme != "dark" {
		theme = "light"
	}
	c.SetCookie("ui_theme", theme, 365*24*3600, "/", "", false, false)
	c.Status(http.StatusNoContent)
}
