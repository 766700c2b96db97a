package auth

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/fleetops/fleetapi/internal/models"
	"github.com/gin-gonic/gin"
	"gorm.io/gorm"
)

func bearer(c *gin.Context) (string, bool) {
	return strings.CutPrefix(c.GetHeader("Authorization"), "Bearer ")
}

// RequireUser guards the dashboard API. A token is accepted only if its jti is
// not on the denylist and its version matches the user's current one.
func RequireUser(iss *Issuer, deny *Denylist, db *gorm.DB) gin.HandlerFunc {
	return func(c *gin.Context) {
		raw, ok := bearer(c)
		if !ok {
			c.AbortWithStatusJSON(http.StatusUnauthorized, gin.H{"error": "missing bearer token"})
			return
		}
		claims, err := iss.Parse(raw, "user")
		if err != nil {
			c.AbortWithStatusJSON(http.StatusUnauthorized, gin.H{"error": "invalid token"})
			return
		}
		if revoked, err := deny.Contains(c, claims.ID); err != nil || revoked {
			c.AbortWithStatusJSON(http.StatusUnauthorized, gin.H{"error": "token revoked"})
			return
		}
		uid, _ := strconv.ParseUint(claims.Subject, 10, 64)
		var u models.User
		if err := db.WithContext(c).Select("id", "token_version").First(&u, uid).Error; err != nil || u.TokenVersion != claims.Ver {
			c.AbortWithStatusJSON(http.StatusUnauthorized, gin.H{"error": "token revoked"})
			return
		}
		c.Set("claims", claims)
		c.Set("user_id", u.ID)
		c.Next()
	}
}
