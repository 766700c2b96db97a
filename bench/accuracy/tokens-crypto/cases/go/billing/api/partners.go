package api

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
	jwtlib "github.com/golang-jwt/jwt/v5"

	"example.com/billing/config"
)

// onboardingParser checks the tokens embedded in partner onboarding e-mails.
var onboardingParser = jwtlib.NewParser(
	jwtlib.WithValidMethods([]string{"HS256"}),
	jwtlib.WithAudience("billing-onboarding"),
	jwtlib.WithLeeway(30*time.Second),
)

// jsonParser keeps numeric claims as json.Number for the ledger import.
var jsonParser = jwtlib.NewParser(jwtlib.WithValidMethods([]string{"HS256"}), jwtlib.WithJSONNumber())

// clock is swapped out in tests.
var clock = time.Now

// OnboardingLink returns a signed onboarding link for a new partner.
func OnboardingLink(partnerID string) (string, error) {
	claims := jwtlib.RegisteredClaims{
		Issuer:    config.Current.JWTIssuer,
		Audience:  jwtlib.ClaimStrings{"billing-onboarding"},
		Subject:   partnerID,
		ExpiresAt: jwtlib.NewNumericDate(clock().Add(72 * time.Hour)),
	}
	s, err := jwtlib.NewWithClaims(jwtlib.SigningMethodHS256, claims).SignedString(config.Current.JWTSecret)
	if err != nil {
		return "", err
	}
	return config.Current.PortalBaseURL + "/onboard?t=" + s, nil
}

func (h *Handlers) Onboard(c *gin.Context) {
	claims := &jwtlib.RegisteredClaims{}
	if _, err := onboardingParser.ParseWithClaims(c.Query("t"), claims, hmacKey); err != nil {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	c.JSON(http.StatusOK, gin.H{"partner": claims.Subject})
}

func (h *Handlers) ImportLedger(c *gin.Context) {
	tok, err := jsonParser.Parse(c.GetHeader("X-Ledger-Token"), hmacKey)
	if err != nil {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	c.JSON(http.StatusAccepted, gin.H{"batch": tok.Claims.(jwtlib.MapClaims)["batch"]})
}

func (h *Handlers) Statement(c *gin.Context) {
	tok, err := jwtlib.Parse(c.Query("t"), hmacKey, jwtlib.WithIssuer(config.Current.JWTIssuer), jwtlib.WithExpirationRequired())
	if err != nil {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	sub, _ := tok.Claims.GetSubject()
	c.JSON(http.StatusOK, gin.H{"tenant": sub})
}

func (h *Handlers) Settlement(c *gin.Context) {
	claims := &billingClaims{}
	_, err := jwtlib.ParseWithClaims(tokenFrom(c), claims, hmacKey, jwtlib.WithValidMethods([]string{"HS256"}), jwtlib.WithTimeFunc(clock))
	if err != nil {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	c.JSON(http.StatusOK, gin.H{"tenant": claims.TenantID})
}

func (h *Handlers) Archive(c *gin.Context) {
	claims := &billingClaims{}
	_, err := jwtlib.NewParser(
		jwtlib.WithValidMethods([]string{"HS256"}),
		jwtlib.WithIssuer(config.Current.JWTIssuer),
		jwtlib.WithoutClaimsValidation(),
	).ParseWithClaims(c.Query("t"), claims, hmacKey)
	if err != nil {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	c.JSON(http.StatusOK, gin.H{"tenant": claims.TenantID, "archived": true})
}
