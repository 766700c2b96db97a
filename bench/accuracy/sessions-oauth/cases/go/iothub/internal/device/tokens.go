package device

import (
	"encoding/json"
	"net/http"
)

type refreshRequest struct {
	DeviceID     string `json:"device_id"`
	RefreshToken string `json:"refresh_token"`
	ClaimCode    string `json:"claim_code"`
}

func decode(r *http.Request) (refreshRequest, bool) {
	var req refreshRequest
	err := json.NewDecoder(http.MaxBytesReader(nil, r.Body, 4096)).Decode(&req)
	return req, err == nil
}

// Provision exchanges the one-time claim code printed on the device for its
// first token pair.
func (a *API) Provision(w http.ResponseWriter, r *http.Request) {
	req, ok := decode(r)
	if !ok {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	var deviceID string
	if err := a.db.QueryRow(r.Context(), `UPDATE devices SET claimed_at = now() WHERE claim_code_hash = $1 AND claimed_at IS NULL RETURNING id`, hashOf(req.ClaimCode)).Scan(&deviceID); err != nil {
		http.Error(w, "unknown claim code", http.StatusUnauthorized)
		return
	}
	at, _ := a.access(r.Context(), deviceID)
	firstRefresh, err := a.storeRefresh(r.Context(), deviceID)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	reply(w, tokenBody{DeviceID: deviceID, AccessToken: at, RefreshToken: firstRefresh})
}

// Refresh consumes the presented refresh token (DELETE ... RETURNING).
func (a *API) Refresh(w http.ResponseWriter, r *http.Request) {
	req, ok := decode(r)
	if !ok {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	var deviceID string
	err := a.db.QueryRow(r.Context(), `DELETE FROM device_refresh WHERE token_hash = $1 AND expires_at > now() RETURNING device_id`, hashOf(req.RefreshToken)).Scan(&deviceID)
	if err != nil {
		http.Error(w, "invalid refresh token", http.StatusUnauthorized)
		return
	}
	at, err := a.access(r.Context(), deviceID)
	if err != nil {
		http.Error(w, "device disabled", http.StatusForbidden)
		return
	}
	successor, err := a.storeRefresh(r.Context(), deviceID)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	reply(w, tokenBody{AccessToken: at, RefreshToken: successor})
}

func (a *API) lookup(r *http.Request, raw string) (string, bool) {
	var deviceID string
	err := a.db.QueryRow(r.Context(), `SELECT device_id FROM device_refresh WHERE token_hash = $1 AND expires_at > now()`, hashOf(raw)).Scan(&deviceID)
	return deviceID, err == nil
}

// RefreshFirmwareV1 serves devices on firmware < 2.0, which cannot persist a
// new refresh token to flash.
func (a *API) RefreshFirmwareV1(w http.ResponseWriter, r *http.Request) {
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
	reply(w, tokenBody{AccessToken: at, RefreshToken: req.RefreshToken})
}

func (a *API) RefreshGateway(w http.ResponseWriter, r *http.Request) {
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
	gwRefresh, err := a.storeRefresh(r.Context(), deviceID)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	reply(w, tokenBody{AccessToken: at, RefreshToken: gwRefresh})
}
