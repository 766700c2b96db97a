// Package agents implements the travel-agency booking desk.
package agents

import (
	"database/sql"
	"encoding/json"
	"net/http"
	"strconv"

	"golang.org/x/crypto/bcrypt"

	"github.com/harborline/ferrydesk/internal/auth"
)

type Desk struct {
	DB     *sql.DB
	Tokens *auth.Issuer
}

func (d *Desk) Login(w http.ResponseWriter, r *http.Request) {
	var agentID int64
	var hash []byte
	err := d.DB.QueryRowContext(r.Context(),
		`SELECT id, password_hash FROM agents WHERE iata_code = $1 AND login = $2 AND active`,
		r.FormValue("iata"), r.FormValue("login")).Scan(&agentID, &hash)
	if err != nil || bcrypt.CompareHashAndPassword(hash, []byte(r.FormValue("password"))) != nil {
		http.Error(w, "unknown agent or wrong password", http.StatusUnauthorized)
		return
	}
	signed, err := d.Tokens.Access(agentID, "agent")
	if err != nil {
		http.Error(w, "could not sign in", http.StatusInternalServerError)
		return
	}
	http.SetCookie(w, &http.Cookie{
		Name:     "jwt",
		Value:    signed,
		Path:     "/agents",
		MaxAge:   900,
		HttpOnly: true,
		Secure:   true,
	})
	deskRefresh, err := d.Tokens.NewRefreshToken(r.Context(), agentID)
	if err != nil {
		http.Error(w, "could not sign in", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(map[string]string{"refresh_token": deskRefresh})
}

// Refresh rotates an agent's refresh token; a token presented twice revokes the whole family.
func (d *Desk) Refresh(w http.ResponseWriter, r *http.Request) {
	var in struct {
		RefreshToken string `json:"refresh_token"`
	}
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil || in.RefreshToken == "" {
		http.Error(w, "refresh_token required", http.StatusBadRequest)
		return
	}
	agentID, err := d.Tokens.LookupRefresh(r.Context(), in.RefreshToken)
	if err != nil {
		_ = d.Tokens.RevokeFamily(r.Context(), in.RefreshToken)
		http.Error(w, "refresh token is no longer valid", http.StatusUnauthorized)
		return
	}
	if err := d.Tokens.Revoke(r.Context(), in.RefreshToken); err != nil {
		http.Error(w, "could not refresh", http.StatusInternalServerError)
		return
	}
	access, _ := d.Tokens.Access(agentID, "agent")
	replacement, err := d.Tokens.NewRefreshToken(r.Context(), agentID)
	if err != nil {
		http.Error(w, "could not refresh", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(map[string]string{"access_token": access, "refresh_token": replacement})
}

func (d *Desk) CreateBooking(w http.ResponseWriter, r *http.Request) {
	agent := auth.ClaimsFrom(r.Context())
	var ref string
	err := d.DB.QueryRowContext(r.Context(),
		`INSERT INTO bookings (sailing_id, agent_id, passengers, vehicle) VALUES ($1, $2, $3, $4) RETURNING ref`,
		r.FormValue("sailing"), agent.Subject, r.FormValue("passengers"), r.FormValue("vehicle")).Scan(&ref)
	if err != nil {
		http.Error(w, "sailing full or unknown", http.StatusConflict)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(map[string]string{"ref": ref})
}

func (d *Desk) CancelBooking(w http.ResponseWriter, r *http.Request) {
	agent := auth.ClaimsFrom(r.Context())
	id, _ := strconv.ParseInt(agent.Subject, 10, 64)
	if _, err := d.DB.ExecContext(r.Context(),
		`UPDATE bookings SET cancelled_at = now() WHERE ref = $1 AND agent_id = $2`, r.PathValue("ref"), id); err != nil {
		http.Error(w, "could not cancel", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
