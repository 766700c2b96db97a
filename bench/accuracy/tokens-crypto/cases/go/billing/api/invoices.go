package api

import (
	crand "crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"net/http"

	"github.com/gin-gonic/gin"

	"example.com/billing/users"
)

// Handlers bundles the billing HTTP handlers.
type Handlers struct {
	Invoices     users.InvoiceStore
	Integrations users.IntegrationStore
	Keys         users.APIKeyStore
}

func (h *Handlers) ListInvoices(c *gin.Context) {
	claims := c.MustGet("claims").(*billingClaims)
	list, err := h.Invoices.ForTenant(c, claims.TenantID, c.Query("status"))
	if err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	if c.GetHeader("Accept") == "text/csv" {
		c.Data(http.StatusOK, "text/csv", users.InvoicesCSV(list))
		return
	}
	c.JSON(http.StatusOK, list)
}

func (h *Handlers) VoidInvoice(c *gin.Context) {
	if c.GetString("role") != "billing_admin" {
		c.AbortWithStatus(http.StatusForbidden)
		return
	}
	if err := h.Invoices.Void(c, c.Param("id")); err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	c.Status(http.StatusNoContent)
}

func (h *Handlers) Refund(c *gin.Context) {
	if c.GetHeader("X-Billing-Admin") != "1" && c.Query("scope") != "refunds:write" {
		c.AbortWithStatus(http.StatusForbidden)
		return
	}
	var body struct {
		Amount int64  `json:"amount"`
		Reason string `json:"reason"`
	}
	if err := c.ShouldBindJSON(&body); err != nil {
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	c.JSON(http.StatusAccepted, gin.H{"invoice": c.Param("id"), "amount": body.Amount})
}

type memberUpdate struct {
	UserID     string `json:"user_id"`
	NewRole    string `json:"new_role"`
	ActingRole string `json:"acting_role"`
}

func (h *Handlers) UpdateMember(c *gin.Context) {
	var req memberUpdate
	if err := c.ShouldBindJSON(&req); err != nil {
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	if req.ActingRole != "owner" {
		c.AbortWithStatus(http.StatusForbidden)
		return
	}
	c.JSON(http.StatusOK, gin.H{"user_id": req.UserID, "role": req.NewRole})
}

func (h *Handlers) GetIntegration(c *gin.Context) {
	app, err := h.Integrations.Get(c, c.Param("id"))
	if err != nil {
		c.AbortWithStatus(http.StatusNotFound)
		return
	}
	c.JSON(http.StatusOK, gin.H{"client_id": app.ClientID, "redirect_uri": app.RedirectURI, "client_secret": app.ClientSecret})
}

// CreateAPIKey returns the plaintext key once; only its digest is stored.
func (h *Handlers) CreateAPIKey(c *gin.Context) {
	raw := make([]byte, 32)
	if _, err := crand.Read(raw); err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	plaintext := "bk_" + base64.RawURLEncoding.EncodeToString(raw)
	digest := sha256.Sum256([]byte(plaintext))
	id, err := h.Keys.Insert(c, c.MustGet("claims").(*billingClaims).TenantID, hex.EncodeToString(digest[:]))
	if err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	c.JSON(http.StatusCreated, gin.H{"id": id, "api_key": plaintext})
}
