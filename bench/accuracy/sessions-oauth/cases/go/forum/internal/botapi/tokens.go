package botapi

import (
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"time"
)

// Bots authenticate with bearer tokens minted from a long-lived refresh token
// that the bot owner pastes into the bot's config.
type API struct{ db *sql.DB }

func New(db *sql.DB) *API { return &API{db: db} }

type tokens struct {
	Access  string `json:"access_token"`
	Refresh string `json:"refresh_token"`
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

func (a *API) mint(r *http.Request, botID int64) (string, error) {
	access := randomHex(24)
	_, err := a.db.ExecContext(r.Context(), "INSERT INTO bot_access (token_sha256, bot_id, expires_at) VALUES (SHA2(?, 256), ?, ?)",
		access, botID, time.Now().Add(time.Hour))
	return access, err
}

func (a *API) decode(r *http.Request) (string, int64, bool) {
	var in struct {
		Refresh string `json:"refresh_token"`
	}
	if json.NewDecoder(r.Body).Decode(&in) != nil {
		return "", 0, false
	}
	var botID int64
	err := a.db.QueryRowContext(r.Context(), "SELECT bot_id FROM bot_refresh WHERE token_sha256 = SHA2(?, 256) AND revoked = 0", in.Refresh).Scan(&botID)
	return in.Refresh, botID, err == nil
}

// Refresh rotates: the presented refresh token is revoked in the same
// transaction that stores its replacement.
func (a *API) Refresh(w http.ResponseWriter, r *http.Request) {
	presented, botID, ok := a.decode(r)
	if !ok {
		http.Error(w, "invalid refresh token", http.StatusUnauthorized)
		return
	}
	tx, err := a.db.BeginTx(r.Context(), nil)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	defer tx.Rollback()
	res, err := tx.ExecContext(r.Context(), "UPDATE bot_refresh SET revoked = 1 WHERE token_sha256 = SHA2(?, 256) AND revoked = 0", presented)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	if n, _ := res.RowsAffected(); n != 1 {
		http.Error(w, "invalid refresh token", http.StatusUnauthorized)
		return
	}
	replacement := randomHex(32)
	if _, err := tx.ExecContext(r.Context(), "INSERT INTO bot_refresh (token_sha256, bot_id) VALUES (SHA2(?, 256), ?)", replacement, botID); err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	if err := tx.Commit(); err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	access, _ := a.mint(r, botID)
	_ = json.NewEncoder(w).Encode(tokens{Access: access, Refresh: replacement})
}

// RefreshLegacy is for bots built with the 2022 SDK.
func (a *API) RefreshLegacy(w http.ResponseWriter, r *http.Request) {
	presented, botID, ok := a.decode(r)
	if !ok {
		http.Error(w, "invalid refresh token", http.StatusUnauthorized)
		return
	}
	access, err := a.mint(r, botID)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	_ = json.NewEncoder(w).Encode(tokens{Access: access, Refresh: presented})
}

// RefreshOnDemand hands out an extra refresh token when the bot asks for one
// (used by sharded bots that run several processes).
func (a *API) RefreshOnDemand(w http.ResponseWriter, r *http.Request) {
	_, botID, ok := a.decode(r)
	if !ok {
		http.Error(w, "invalid refresh token", http.StatusUnauthorized)
		return
	}
	extra := randomHex(32)
	if _, err := a.db.ExecContext(r.Context(), "INSERT INTO bot_refresh (token_sha256, bot_id) VALUES (SHA2(?, 256), ?)", extra, botID); err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	access, _ := a.mint(r, botID)
	_ = json.NewEncoder(w).Encode(tokens{Access: access, Refresh: extra})
}
