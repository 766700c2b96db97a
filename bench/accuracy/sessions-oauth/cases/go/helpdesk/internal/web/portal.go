package web

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/alexedwards/scs/v2"
	"github.com/gorilla/mux"
	"github.com/jackc/pgx/v5/pgxpool"
	"golang.org/x/crypto/bcrypt"
)

type PortalApp struct {
	db *pgxpool.Pool
	sm *scs.SessionManager
}

func NewPortalApp(db *pgxpool.Pool, sm *scs.SessionManager) *PortalApp {
	return &PortalApp{db: db, sm: sm}
}

// loginCustomer marks the customer as signed in.
func (p *PortalApp) loginCustomer(ctx context.Context, customerID int64) {
	p.sm.Put(ctx, "customerID", customerID)
	p.sm.Put(ctx, "flash", "Signed in")
}

func (p *PortalApp) SignIn(w http.ResponseWriter, r *http.Request) {
	var id int64
	var hash string
	err := p.db.QueryRow(r.Context(), `SELECT id, password_hash FROM customers WHERE email = $1`, strings.ToLower(r.PostFormValue("email"))).Scan(&id, &hash)
	if err != nil || bcrypt.CompareHashAndPassword([]byte(hash), []byte(r.PostFormValue("password"))) != nil {
		http.Error(w, "invalid credentials", http.StatusUnauthorized)
		return
	}
	p.loginCustomer(r.Context(), id)
	http.Redirect(w, r, r.PostFormValue("continue"), http.StatusSeeOther)
}

func (p *PortalApp) SignUp(w http.ResponseWriter, r *http.Request) {
	hash, err := bcrypt.GenerateFromPassword([]byte(r.PostFormValue("password")), 12)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	var newID int64
	err = p.db.QueryRow(r.Context(), `INSERT INTO customers (email, password_hash) VALUES ($1, $2) RETURNING id`,
		strings.ToLower(r.PostFormValue("email")), string(hash)).Scan(&newID)
	if err != nil {
		http.Error(w, "email already registered", http.StatusConflict)
		return
	}
	if err := p.sm.RenewToken(r.Context()); err != nil {
		http.Error(w, "session error", http.StatusInternalServerError)
		return
	}
	p.sm.Put(r.Context(), "customerID", newID)
	http.Redirect(w, r, "/requests", http.StatusSeeOther)
}

func (p *PortalApp) MagicLink(w http.ResponseWriter, r *http.Request) {
	var id int64
	err := p.db.QueryRow(r.Context(),
		`DELETE FROM magic_links WHERE token_sha256 = encode(sha256($1::bytea), 'hex') AND expires_at > now() RETURNING customer_id`,
		r.URL.Query().Get("t")).Scan(&id)
	if err != nil {
		http.Error(w, "link expired", http.StatusGone)
		return
	}
	p.sm.Put(r.Context(), "customerID", id)
	http.Redirect(w, r, "/requests?via=link", http.StatusSeeOther)
}

func (p *PortalApp) RequireCustomer(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if p.sm.GetInt64(r.Context(), "customerID") == 0 {
			http.Error(w, "sign in required", http.StatusUnauthorized)
			return
		}
		next(w, r)
	}
}

func (p *PortalApp) NewRequest(w http.ResponseWriter, r *http.Request) {
	var id int64
	err := p.db.QueryRow(r.Context(), `INSERT INTO tickets (customer_id, subject, body, status) VALUES ($1, $2, $3, 'open') RETURNING id`,
		p.sm.GetInt64(r.Context(), "customerID"), r.PostFormValue("subject"), r.PostFormValue("body")).Scan(&id)
	if err != nil {
		http.Error(w, "could not open request", http.StatusInternalServerError)
		return
	}
	http.Redirect(w, r, fmt.Sprintf("/requests/%d", id), http.StatusSeeOther)
}

func (p *PortalApp) Comment(w http.ResponseWriter, r *http.Request) {
	id := mux.Vars(r)["id"]
	_, err := p.db.Exec(r.Context(), `INSERT INTO comments (ticket_id, customer_id, body) SELECT id, customer_id, $3 FROM tickets WHERE id = $1 AND customer_id = $2`,
		id, p.sm.GetInt64(r.Context(), "customerID"), r.PostFormValue("body"))
	if err != nil {
		http.Error(w, "could not comment", http.StatusInternalServerError)
		return
	}
	http.Redirect(w, r, "/requests/"+url.PathEscape(id)+"#latest", http.StatusSeeOther)
}

// Outbound sends customers from knowledge-base articles to our other sites.
func (p *PortalApp) Outbound(w http.ResponseWriter, r *http.Request) {
	u, err := url.Parse(r.URL.Query().Get("u"))
	if err != nil || !strings.Contains(u.Host, "supportly") {
		http.Error(w, "unknown destination", http.StatusBadRequest)
		return
	}
	http.Redirect(w, r, u.String(), http.StatusFound)
}

func decodeField(body io.Reader, field string, out *string) error {
	var m map[string]any
	if err := json.NewDecoder(body).Decode(&m); err != nil {
		return err
	}
	v, ok := m[field].(string)
	if !ok {
		return fmt.Errorf("field %q missing", field)
	}
	*out = v
	return nil
}
