package api

import (
	"database/sql"
	"encoding/json"
	"net/http"

	"golang.org/x/crypto/bcrypt"

	"github.com/ledgerline/billing/internal/tokens"
)

type Handlers struct {
	db     *sql.DB
	store  *tokens.Store
	signer *tokens.Signer
}

func New(db *sql.DB, store *tokens.Store, signer *tokens.Signer) *Handlers {
	return &Handlers{db: db, store: store, signer: signer}
}

type TokenResponse struct {
	AccessToken  string `json:"access_token"`
	RefreshToken string `json:"refresh_token,omitempty"`
	ExpiresIn    int    `json:"expires_in"`
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func (h *Handlers) Login(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Email    string `json:"email"`
		Password string `json:"password"`
	}
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	var id int64
	var hash string
	var tv int
	err := h.db.QueryRowContext(r.Context(), `SELECT id, password_hash, token_version FROM users WHERE email = $1`, in.Email).Scan(&id, &hash, &tv)
	if err != nil || bcrypt.CompareHashAndPassword([]byte(hash), []byte(in.Password)) != nil {
		http.Error(w, "invalid credentials", http.StatusUnauthorized)
		return
	}
	at, err := h.signer.Access(id, tv)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	rt, err := h.store.NewFamily(r.Context(), id)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	writeJSON(w, http.StatusOK, TokenResponse{AccessToken: at, RefreshToken: rt, ExpiresIn: 900})
}

func (h *Handlers) ListInvoices(w http.ResponseWriter, r *http.Request) {
	uid := userIDFrom(r.Context())
	rows, err := h.db.QueryContext(r.Context(), `SELECT id, number, total_cents, status FROM invoices WHERE user_id = $1 ORDER BY issued_at DESC`, uid)
	if err != nil {
		http.Error(w, "query failed", http.StatusInternalServerError)
		return
	}
	defer rows.Close()
	type invoice struct {
		ID     int64  `json:"id"`
		Number string `json:"number"`
		Total  int64  `json:"total_cents"`
		Status string `json:"status"`
	}
	out := []invoice{}
	for rows.Next() {
		var inv invoice
		if err := rows.Scan(&inv.ID, &inv.Number, &inv.Total, &inv.Status); err != nil {
			http.Error(w, "scan failed", http.StatusInternalServerError)
			return
		}
		out = append(out, inv)
	}
	writeJSON(w, http.StatusOK, out)
}
