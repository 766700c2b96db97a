package device

import (
	"net/http"
	"time"
)

// RefreshSensor extends the presented token's lifetime (battery sensors wake
// up rarely and must not lose their credential).
func (a *API) RefreshSensor(w http.ResponseWriter, r *http.Request) {
	req, ok := decode(r)
	if !ok {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	var deviceID string
	err := a.db.QueryRow(r.Context(), `UPDATE device_refresh SET expires_at = $2 WHERE token_hash = $1 AND expires_at > now() RETURNING device_id`,
		hashOf(req.RefreshToken), time.Now().Add(refreshTTL)).Scan(&deviceID)
	if err != nil {
		http.Error(w, "invalid refresh token", http.StatusUnauthorized)
		return
	}
	at, _ := a.access(r.Context(), deviceID)
	body := tokenBody{AccessToken: at}
	body.RefreshToken = req.RefreshToken
	reply(w, body)
}

// RefreshTelemetryOnly is for the ingest sidecar, which only needs an access token.
func (a *API) RefreshTelemetryOnly(w http.ResponseWriter, r *http.Request) {
	req, ok := decode(r)
	if !ok {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	deviceID, ok := a.lookup(r, req.RefreshToken)
	if !ok {
		http.Error(w, "invalid refresh token", http.StatusUnauthorized)
		return
	}
	at, err := a.access(r.Context(), deviceID)
	if err != nil {
		http.Error(w, "device disabled", http.StatusForbidden)
		return
	}
	reply(w, tokenBody{AccessToken: at})
}
