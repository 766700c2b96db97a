package main

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// requireAuth accepts the access cookie only if the jti is not denylisted and
// the token version is current.
func (s *service) requireAuth() gin.HandlerFunc {
	return func(c *gin.Context) {
		raw, err := c.Cookie("access_token")
		if err != nil {
			c.AbortWithStatus(http.StatusUnauthorized)
			return
		}
		cl, err := s.parse(raw)
		if err != nil {
			c.AbortWithStatus(http.StatusUnauthorized)
			return
		}
		if n, _ := s.rdb.Exists(c, denyKey(cl.ID)).Result(); n > 0 {
			c.AbortWithStatus(http.StatusUnauthorized)
			return
		}
		if cl.TV != s.tokenVersion(c, cl.Subject) {
			c.AbortWithStatus(http.StatusUnauthorized)
			return
		}
		c.Set("claims", cl)
		c.Next()
	}
}

// legacyAuth is used by the v0 endpoints that the old widget still calls.
func (s *service) legacyAuth() gin.HandlerFunc {
	return func(ctx *gin.Context) {
		raw, err := ctx.Cookie("access_token")
		if err != nil {
			ctx.AbortWithStatus(http.StatusUnauthorized)
			return
		}
		cl, err := s.parse(raw)
		if err != nil {
			ctx.AbortWithStatus(http.StatusUnauthorized)
			return
		}
		ctx.Set("claims", cl)
		ctx.Next()
	}
}
