package api

import (
	"crypto/sha1"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
	jwtlib "github.com/golang-jwt/jwt/v5"

	"example.com/billing/config"
)

// SignDownloadLink issues a ten-minute link to an invoice PDF.
func SignDownloadLink(tenantID, invoiceID string) (string, error) {
	claims := jwtlib.MapClaims{
		"iss": config.Current.JWTIssuer,
		"aud": "billing-downloads",
		"tid": tenantID,
		"inv": invoiceID,
		"exp": time.Now().Add(10 * time.Minute).Unix(),
	}
	tok := jwtlib.NewWithClaims(jwtlib.SigningMethodHS256, claims)
	return tok.SignedString(config.Current.JWTSecret)
}

// Download serves invoice PDFs from signed links.
func (h *Handlers) Download(c *gin.Context) {
	tok, err := jwtlib.Parse(c.Query("t"), hmacKey)
	if err != nil {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	mc, _ := tok.Claims.(jwtlib.MapClaims)
	tid, _ := mc["tid"].(string)
	inv, _ := mc["inv"].(string)
	pdf, err := h.Invoices.PDF(c, tid, inv)
	if err != nil {
		c.AbortWithStatus(http.StatusNotFound)
		return
	}
	sum := sha1.Sum(pdf)
	c.Header("Digest", "sha="+base64.StdEncoding.EncodeToString(sum[:]))
	c.Data(http.StatusOK, "application/pdf", pdf)
}

type supportPayload struct {
	Staff    bool   `json:"staff"`
	TenantID string `json:"tid"`
	Email    string `json:"email"`
}

// SupportView lets support staff open a tenant's invoice list from the helpdesk.
func (h *Handlers) SupportView(c *gin.Context) {
	parts := strings.Split(c.GetHeader("X-Support-Token"), ".")
	if len(parts) != 3 {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	payload, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	var sp supportPayload
	if err := json.Unmarshal(payload, &sp); err != nil {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	if !sp.Staff {
		c.AbortWithStatus(http.StatusForbidden)
		return
	}
	list, err := h.Invoices.ForTenant(c, sp.TenantID, "")
	if err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	c.JSON(http.StatusOK, list)
}
