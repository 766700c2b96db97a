package handlers

import (
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"strings"

	"github.com/gin-contrib/sessions"
	"github.com/gin-gonic/gin"
	"github.com/jackc/pgx/v5/pgxpool"
	"golang.org/x/crypto/bcrypt"
)

type Handlers struct {
	db *pgxpool.Pool
}

func New(db *pgxpool.Pool) *Handlers { return &Handlers{db: db} }

func (h *Handlers) LoginPage(c *gin.Context) {
	if sessions.Default(c).Get("partner_id") != nil {
		c.Redirect(http.StatusFound, c.Query("return_to"))
		return
	}
	c.HTML(http.StatusOK, "login.html", gin.H{"returnTo": c.Query("return_to")})
}

func (h *Handlers) Login(c *gin.Context) {
	email := strings.ToLower(c.PostForm("email"))
	var id int64
	var hash string
	err := h.db.QueryRow(c, `SELECT id, password_hash FROM partners WHERE email = $1 AND active`, email).Scan(&id, &hash)
	if err != nil || bcrypt.CompareHashAndPassword([]byte(hash), []byte(c.PostForm("password"))) != nil {
		c.HTML(http.StatusUnauthorized, "login.html", gin.H{"error": "Invalid email or password"})
		return
	}

	session := sessions.Default(c)
	session.Set("partner_id", id)
	if err := session.Save(); err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}

	if c.PostForm("remember") == "1" {
		buf := make([]byte, 32)
		_, _ = rand.Read(buf)
		token := hex.EncodeToString(buf)
		_, _ = h.db.Exec(c, `INSERT INTO partner_remember (partner_id, token_sha256) VALUES ($1, encode(sha256($2::bytea), 'hex'))`, id, token)
		c.SetCookie("pp_remember", token, 30*24*3600, "/", "", false, true)
	}
	c.Redirect(http.StatusSeeOther, c.DefaultPostForm("next", "/partners/dashboard"))
}

func (h *Handlers) Register(c *gin.Context) {
	hash, err := bcrypt.GenerateFromPassword([]byte(c.PostForm("password")), bcrypt.DefaultCost)
	if err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	var partnerID int64
	err = h.db.QueryRow(c, `INSERT INTO partners (company, email, password_hash, active) VALUES ($1, $2, $3, true) RETURNING id`,
		c.PostForm("company"), strings.ToLower(c.PostForm("email")), string(hash)).Scan(&partnerID)
	if err != nil {
		c.HTML(http.StatusConflict, "register.html", gin.H{"error": "That email is already registered"})
		return
	}
	sess := sessions.Default(c)
	sess.Set("partner_id", partnerID)
	sess.Set("flash", "Welcome aboard!")
	_ = sess.Save()
	c.Redirect(http.StatusSeeOther, "/partners/dashboard")
}

func (h *Handlers) SetLocale(c *gin.Context) {
	lang := c.Param("lang")
	if lang != "en" && lang != "de" && lang != "fr" {
		lang = "en"
	}
	sess := sessions.Default(c)
	sess.Set("locale", lang)
	_ = sess.Save()
	c.SetCookie("pp_lang", lang, 365*24*3600, "/", "", false, false)
	c.Redirect(http.StatusFound, c.GetHeader("Referer"))
}

func (h *Handlers) Logout(c *gin.Context) {
	if tok, err := c.Cookie("pp_remember"); err == nil {
		_, _ = h.db.Exec(c, `DELETE FROM partner_remember WHERE token_sha256 = encode(sha256($1::bytea), 'hex')`, tok)
	}
	session := sessions.Default(c)
	session.Clear()
	session.Options(sessions.Options{Path: "/", MaxAge: -1})
	_ = session.Save()
	c.SetCookie("pp_remember", "", -1, "/", "", true, true)
	c.Redirect(http.StatusSeeOther, "/login")
}

func (h *Handlers) RequirePartner(c *gin.Context) {
	if sessions.Default(c).Get("partner_id") == nil {
		c.Redirect(http.StatusFound, "/login?return_to="+c.Request.URL.RequestURI())
		c.Abort()
		return
	}
	c.Next()
}
