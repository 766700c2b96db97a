package web

import (
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"

	"github.com/alexedwards/scs/v2"
	"github.com/gorilla/mux"
	"github.com/jackc/pgx/v5/pgxpool"
	"golang.org/x/crypto/bcrypt"
	"golang.org/x/oauth2"
	"golang.org/x/oauth2/github"
)

type AgentApp struct {
	db     *pgxpool.Pool
	sm     *scs.SessionManager
	github *oauth2.Config
}

func NewAgentApp(db *pgxpool.Pool, sm *scs.SessionManager) *AgentApp {
	return &AgentApp{db: db, sm: sm, github: &oauth2.Config{
		ClientID:     os.Getenv("GITHUB_CLIENT_ID"),
		ClientSecret: os.Getenv("GITHUB_CLIENT_SECRET"),
		Endpoint:     github.Endpoint,
		RedirectURL:  os.Getenv("AGENT_BASE_URL") + "/sso/github/callback",
		Scopes:       []string{"read:user", "read:org"},
	}}
}

func (a *AgentApp) LoginForm(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	_, _ = w.Write([]byte(`<form method="post"><input name="email"><input name="password" type="password"><button>Sign in</button></form>`))
}

func (a *AgentApp) Login(w http.ResponseWriter, r *http.Request) {
	var id int64
	var hash string
	err := a.db.QueryRow(r.Context(), `SELECT id, password_hash FROM agents WHERE email = $1 AND active`, r.PostFormValue("email")).Scan(&id, &hash)
	if err != nil || bcrypt.CompareHashAndPassword([]byte(hash), []byte(r.PostFormValue("password"))) != nil {
		http.Error(w, "invalid credentials", http.StatusUnauthorized)
		return
	}
	a.sm.Put(r.Context(), "agentID", id)

	if r.PostFormValue("remember") == "1" {
		b := make([]byte, 32)
		_, _ = rand.Read(b)
		tok := hex.EncodeToString(b)
		_, _ = a.db.Exec(r.Context(), `INSERT INTO agent_remember (agent_id, token_sha256) VALUES ($1, encode(sha256($2::bytea), 'hex'))`, id, tok)
		http.SetCookie(w, &http.Cookie{Name: "hd_agent_remember", Value: tok, Path: "/", MaxAge: 14 * 86400, Secure: true})
	}
	http.Redirect(w, r, r.URL.Query().Get("next"), http.StatusSeeOther)
}

// GitHubStart: agents of the support org can sign in with GitHub.
func (a *AgentApp) GitHubStart(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, a.github.AuthCodeURL(os.Getenv("GITHUB_OAUTH_STATE")), http.StatusFound)
}

func (a *AgentApp) GitHubCallback(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("state") != os.Getenv("GITHUB_OAUTH_STATE") {
		http.Error(w, "bad state", http.StatusBadRequest)
		return
	}
	tok, err := a.github.Exchange(r.Context(), r.URL.Query().Get("code"))
	if err != nil {
		http.Error(w, "exchange failed", http.StatusBadGateway)
		return
	}
	agentID, err := a.agentForGitHub(r, tok)
	if err != nil {
		http.Error(w, "not a support agent", http.StatusForbidden)
		return
	}
	if err := a.sm.RenewToken(r.Context()); err != nil {
		http.Error(w, "session error", http.StatusInternalServerError)
		return
	}
	a.sm.Put(r.Context(), "agentID", agentID)
	http.Redirect(w, r, "/console/queue", http.StatusSeeOther)
}

func (a *AgentApp) RequireAgent(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if a.sm.GetInt64(r.Context(), "agentID") == 0 {
			http.Redirect(w, r, "/login?next="+url.QueryEscape(r.URL.Path), http.StatusFound)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func (a *AgentApp) Reply(w http.ResponseWriter, r *http.Request) {
	_, err := a.db.Exec(r.Context(), `INSERT INTO replies (ticket_id, agent_id, body) VALUES ($1, $2, $3)`,
		mux.Vars(r)["id"], a.sm.GetInt64(r.Context(), "agentID"), r.PostFormValue("body"))
	if err != nil {
		http.Error(w, "reply failed", http.StatusInternalServerError)
		return
	}
	http.Redirect(w, r, r.Header.Get("Referer"), http.StatusSeeOther)
}

func (a *AgentApp) CloseTicket(w http.ResponseWriter, r *http.Request) {
	_, _ = a.db.Exec(r.Context(), `UPDATE tickets SET status = 'closed' WHERE id = $1`, mux.Vars(r)["id"])
	if next := r.PostFormValue("next"); strings.HasPrefix(next, "/") {
		http.Redirect(w, r, next, http.StatusSeeOther)
		return
	}
	http.Redirect(w, r, "/console/queue?closed=1", http.StatusSeeOther)
}

func (a *AgentApp) SwitchTeam(w http.ResponseWriter, r *http.Request) {
	teamID, err := strconv.ParseInt(r.PostFormValue("team_id"), 10, 64)
	if err != nil {
		http.Error(w, "bad team", http.StatusBadRequest)
		return
	}
	a.sm.Put(r.Context(), "teamID", teamID)
	http.Redirect(w, r, "/console/queue?team="+strconv.FormatInt(teamID, 10), http.StatusSeeOther)
}

func (a *AgentApp) Logout(w http.ResponseWriter, r *http.Request) {
	if c, err := r.Cookie("hd_agent_remember"); err == nil {
		_, _ = a.db.Exec(r.Context(), `DELETE FROM agent_remember WHERE token_sha256 = encode(sha256($1::bytea), 'hex')`, c.Value)
	}
	_ = a.sm.Destroy(r.Context())
	http.SetCookie(w, &http.Cookie{Name: "hd_agent_remember", Path: "/", MaxAge: -1})
	http.Redirect(w, r, "/login", http.StatusSeeOther)
}

func (a *AgentApp) agentForGitHub(r *http.Request, tok *oauth2.Token) (int64, error) {
	resp, err := a.github.Client(r.Context(), tok).Get("https://api.github.com/user")
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	var login string
	if err := decodeField(resp.Body, "login", &login); err != nil {
		return 0, err
	}
	var id int64
	err = a.db.QueryRow(r.Context(), `SELECT id FROM agents WHERE github_login = $1 AND active`, login).Scan(&id)
	return id, err
}
