package handlers

import (
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/gin-contrib/sessions"
	"github.com/gin-gonic/gin"
)

var trustedDocHosts = map[string]bool{
	"partners.example.com": true,
	"help.example.com":     true,
}

func partnerID(c *gin.Context) int64 {
	id, _ := sessions.Default(c).Get("partner_id").(int64)
	return id
}

func (h *Handlers) Dashboard(c *gin.Context) {
	sess := sessions.Default(c)
	flash := sess.Flashes()
	_ = sess.Save()
	rows, err := h.db.Query(c, `SELECT id, customer, amount_cents, status FROM deals WHERE partner_id = $1 ORDER BY id DESC`, partnerID(c))
	if err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	defer rows.Close()
	var deals []gin.H
	for rows.Next() {
		var id, amount int64
		var customer, status string
		if err := rows.Scan(&id, &customer, &amount, &status); err != nil {
			c.AbortWithStatus(http.StatusInternalServerError)
			return
		}
		deals = append(deals, gin.H{"id": id, "customer": customer, "amount": amount, "status": status})
	}
	c.HTML(http.StatusOK, "dashboard.html", gin.H{"deals": deals, "flash": flash})
}

func (h *Handlers) CreateDeal(c *gin.Context) {
	amount, err := strconv.ParseInt(c.PostForm("amount_cents"), 10, 64)
	if err != nil || amount <= 0 {
		c.HTML(http.StatusBadRequest, "dashboard.html", gin.H{"error": "amount must be positive"})
		return
	}
	var id int64
	err = h.db.QueryRow(c, `INSERT INTO deals (partner_id, customer, amount_cents, status) VALUES ($1, $2, $3, 'registered') RETURNING id`,
		partnerID(c), strings.TrimSpace(c.PostForm("customer")), amount).Scan(&id)
	if err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	c.Redirect(http.StatusSeeOther, fmt.Sprintf("/partners/deals/%d", id))
}

func (h *Handlers) WithdrawDeal(c *gin.Context) {
	_, err := h.db.Exec(c, `UPDATE deals SET status = 'withdrawn' WHERE id = $1 AND partner_id = $2`, c.Param("id"), partnerID(c))
	if err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	back := c.Query("back")
	if strings.HasPrefix(back, "/partners") {
		c.Redirect(http.StatusSeeOther, back)
		return
	}
	if u, err := url.Parse(back); err == nil && u.Scheme == "https" && trustedDocHosts[u.Host] {
		c.Redirect(http.StatusSeeOther, u.String())
		return
	}
	c.Redirect(http.StatusSeeOther, "/partners/dashboard")
}

func (h *Handlers) IssueAPIKey(c *gin.Context) {
	raw := make([]byte, 24)
	if _, err := rand.Read(raw); err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	key := "pk_" + base64.RawURLEncoding.EncodeToString(raw)
	_, err := h.db.Exec(c, `INSERT INTO partner_api_keys (partner_id, key_sha256) VALUES ($1, encode(sha256($2::bytea), 'hex'))`, partnerID(c), key)
	if err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	// Shown once on the next page, then the cookie expires.
	c.SetSameSite(http.SameSiteStrictMode)
	c.SetCookie("pp_new_api_key", key, 60, "/partners/api-key", "", true, true)
	c.Redirect(http.StatusSeeOther, "/partners/api-key")
}
