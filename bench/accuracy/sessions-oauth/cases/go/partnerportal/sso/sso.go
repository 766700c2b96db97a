package sso

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"net/http"
	"os"
	"strconv"

	"github.com/gin-contrib/sessions"
	"github.com/gin-gonic/gin"
	"github.com/jackc/pgx/v5/pgxpool"
	"golang.org/x/oauth2"
)

type SSO struct {
	db         *pgxpool.Pool
	okta       *oauth2.Config
	salesforce *oauth2.Config
	hubspot    *oauth2.Config
}

func New(db *pgxpool.Pool) *SSO {
	base := os.Getenv("PORTAL_URL")
	oktaDomain := os.Getenv("OKTA_DOMAIN")
	return &SSO{
		db: db,
		okta: &oauth2.Config{
			ClientID:     os.Getenv("OKTA_CLIENT_ID"),
			ClientSecret: os.Getenv("OKTA_CLIENT_SECRET"),
			Endpoint: oauth2.Endpoint{
				AuthURL:  "https://" + oktaDomain + "/oauth2/default/v1/authorize",
				TokenURL: "https://" + oktaDomain + "/oauth2/default/v1/token",
			},
			RedirectURL: base + "/sso/okta/callback",
			Scopes:      []string{"openid", "email"},
		},
		salesforce: &oauth2.Config{
			ClientID:     os.Getenv("SF_CLIENT_ID"),
			ClientSecret: os.Getenv("SF_CLIENT_SECRET"),
			Endpoint: oauth2.Endpoint{
				AuthURL:  "https://login.salesforce.com/services/oauth2/authorize",
				TokenURL: "https://login.salesforce.com/services/oauth2/token",
			},
			RedirectURL: base + "/partners/connect/salesforce/callback",
			Scopes:      []string{"api", "refresh_token"},
		},
		hubspot: &oauth2.Config{
			ClientID:     os.Getenv("HUBSPOT_CLIENT_ID"),
			ClientSecret: os.Getenv("HUBSPOT_CLIENT_SECRET"),
			Endpoint: oauth2.Endpoint{
				AuthURL:  "https://app.hubspot.com/oauth/authorize",
				TokenURL: "https://api.hubapi.com/oauth/v1/token",
			},
			RedirectURL: base + "/partners/connect/hubspot/callback",
			Scopes:      []string{"crm.objects.deals.write"},
		},
	}
}

func newState() string {
	b := make([]byte, 24)
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

func (s *SSO) OktaStart(c *gin.Context) {
	sess := sessions.Default(c)
	state := newState()
	sess.Set("okta_state", state)
	_ = sess.Save()
	c.Redirect(http.StatusFound, s.okta.AuthCodeURL(state))
}

func (s *SSO) OktaCallback(c *gin.Context) {
	sess := sessions.Default(c)
	expected, _ := sess.Get("okta_state").(string)
	if expected == "" || subtle.ConstantTimeCompare([]byte(expected), []byte(c.Query("state"))) != 1 {
		c.String(http.StatusBadRequest, "invalid state")
		return
	}
	tok, err := s.okta.Exchange(c, c.Query("code"))
	if err != nil {
		c.String(http.StatusBadGateway, "token exchange failed")
		return
	}
	email, err := emailFromIDToken(tok)
	if err != nil {
		c.String(http.StatusUnauthorized, "id token rejected")
		return
	}
	var pid int64
	if err := s.db.QueryRow(c, `SELECT id FROM partners WHERE email = $1 AND active`, email).Scan(&pid); err != nil {
		c.String(http.StatusForbidden, "no partner account for %s", email)
		return
	}
	sess.Delete("okta_state")
	sess.Set("partner_id", pid)
	_ = sess.Save()
	c.Redirect(http.StatusFound, "/partners/dashboard")
}

func (s *SSO) SalesforceStart(c *gin.Context) {
	pid, _ := sessions.Default(c).Get("partner_id").(int64)
	c.Redirect(http.StatusFound, s.salesforce.AuthCodeURL(strconv.FormatInt(pid, 10)))
}

func (s *SSO) SalesforceCallback(c *gin.Context) {
	pid, _ := sessions.Default(c).Get("partner_id").(int64)
	tok, err := s.salesforce.Exchange(c, c.Query("code"))
	if err != nil {
		c.String(http.StatusBadGateway, "token exchange failed")
		return
	}
	if err := saveConnection(c, s.db, pid, "salesforce", tok); err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	c.Redirect(http.StatusFound, "/partners/dashboard?connected=salesforce")
}

func (s *SSO) HubSpotStart(c *gin.Context) {
	sess := sessions.Default(c)
	hsState := newState()
	sess.Set("hubspot_state", hsState)
	_ = sess.Save()
	c.Redirect(http.StatusFound, s.hubspot.AuthCodeURL(hsState))
}

func (s *SSO) HubSpotCallback(c *gin.Context) {
	sess := sessions.Default(c)
	pid, _ := sess.Get("partner_id").(int64)
	if c.Query("state") != sess.Get("hubspot_state") {
		c.String(http.StatusBadRequest, "invalid state")
		return
	}
	sess.Delete("hubspot_state")
	_ = sess.Save()
	tok, err := s.hubspot.Exchange(c, c.Query("code"))
	if err != nil {
		c.String(http.StatusBadGateway, "token exchange failed")
		return
	}
	if err := saveConnection(c, s.db, pid, "hubspot", tok); err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	c.Redirect(http.StatusFound, "/partners/dashboard?connected=hubspot")
}
