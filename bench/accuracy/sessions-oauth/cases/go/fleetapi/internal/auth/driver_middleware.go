package auth

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"
)

// RequireDriver guards the v1 mobile API used by drivers.
func RequireDriver(iss *Issuer) gin.HandlerFunc {
	return func(c *gin.Context) {
		raw, ok := bearer(c)
		if !ok {
			c.AbortWithStatusJSON(http.StatusUnauthorized, gin.H{"error": "missing bearer token"})
			return
		}
		claims, err := iss.Parse(raw, "driver")
		if err != nil {
			c.AbortWithStatusJSON(http.StatusUnauthorized, gin.H{"error": "invalid token"})
			return
		}
		driverID, err := strconv.ParseUint(claims.Subject, 10, 64)
		if err != nil {
			c.AbortWithStatusJSON(http.StatusUnauthorized, gin.H{"error": "invalid subject"})
			return
		}
		c.Set("driver_id", uint(driverID))
		c.Set("claims", claims)
		c.Next()
	}
}
