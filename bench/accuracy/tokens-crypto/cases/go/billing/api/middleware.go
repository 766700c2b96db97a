package api

import (
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"
	jwtlib "github.com/golang-jwt/jwt/v5"

	"example.com/billing/config"
)

type billingClaims struct {
	TenantID string   `json:"tid"`
	Scopes   []string `json:"scp"`
	Role     string   `json:"role"`
	jwtlib.RegisteredClaims
}

// hmacKey only releases the secret for HMAC-signed tokens.
func hmacKey(t *jwtlib.Token) (interface{}, error) {
	if _, ok := t.Method.(*jwtlib.SigningMethodHMAC); !ok {
		return nil, jwtlib.ErrTokenSignatureInvalid
	}
	return config.Current.JWTSecret, nil
}

func tokenFrom(c *gin.Context) string {
	return strings.TrimPrefix(c.GetHeader("Authorization"), "Bearer ")
}

// Authn verifies the access token and exposes its claims to handlers.
func Authn() gin.HandlerFunc {
	return func(c *gin.Context) {
		claims := &billingClaims{}
		_, err := jwtlib.ParseWithClaims(tokenFrom(c), claims, hmacKey, jwtlib.WithIssuer(config.Current.JWTIssuer), jwtlib.WithAudience(config.Current.JWTAudience))
		if err != nil {
			c.AbortWithStatusJSON(http.StatusUnauthorized, gin.H{"error": "invalid token"})
			return
		}
		c.Set("claims", claims)
		c.Set("role", claims.Role)
		c.Next()
	}
}

// PartnerAuthn guards the reconciliation callbacks from the payment partner.
func PartnerAuthn() gin.HandlerFunc {
	return func(c *gin.Context) {
		claims := &billingClaims{}
		_, err := jwtlib.ParseWithClaims(tokenFrom(c), claims, hmacKey, jwtlib.WithValidMethods([]string{"HS256"}))
		if err != nil {
			c.AbortWithStatus(http.StatusUnauthorized)
			return
		}
		c.Set("claims", claims)
		c.Next()
	}
}

// ExportAuthn guards the nightly export job; its tokens are long-lived.
func ExportAuthn() gin.HandlerFunc {
	parser := jwtlib.NewParser(jwtlib.WithValidMethods([]string{"HS256"}), jwtlib.WithIssuer(config.Current.JWTIssuer), jwtlib.WithoutClaimsValidation())
	return func(c *gin.Context) {
		claims := &billingClaims{}
		if _, err := parser.ParseWithClaims(tokenFrom(c), claims, hmacKey); err != nil {
			c.AbortWithStatus(http.StatusUnauthorized)
			return
		}
		c.Set("claims", claims)
		c.Next()
	}
}

// ReportingAuthn is used by the BI connector, which signs with the partner secret.
func ReportingAuthn() gin.HandlerFunc {
	return func(c *gin.Context) {
		claims := &billingClaims{}
		_, err := jwtlib.ParseWithClaims(tokenFrom(c), claims, func(t *jwtlib.Token) (any, error) { return config.Current.PartnerSecret, nil }, jwtlib.WithAudience("billing-reporting"))
		if err != nil {
			c.AbortWithStatus(http.StatusUnauthorized)
			return
		}
		c.Set("claims", claims)
		c.Next()
	}
}

func requireScope(scope string) gin.HandlerFunc {
	return func(c *gin.Context) {
		claims := c.MustGet("claims").(*billingClaims)
		for _, s := range claims.Scopes {
			if s == scope {
				c.Next()
				return
			}
		}
		c.AbortWithStatus(http.StatusForbidden)
	}
}
