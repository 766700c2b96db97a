package main

import (
	"encoding/json"
	"net/http"
	"strconv"
	"time"
)

// Android v2 predates the opaque refresh tokens and still holds a
// self-contained refresh JWT.
func (a *api) refreshAndroidLegacy(w http.ResponseWriter, r *http.Request) {
	var in refreshIn
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
		respond(w, http.StatusBadRequest, map[string]string{"error": "bad request"})
		return
	}
	claims, err := a.parse(in.RefreshToken, "refresh")
	if err != nil {
		respond(w, http.StatusUnauthorized, map[string]string{"error": "invalid refresh token"})
		return
	}
	uid, _ := strconv.ParseUint(claims.Subject, 10, 64)
	at, _ := a.accessToken(uint(uid))
	refreshJWT, err := a.issueRefreshJWT(uint(uid), 7*24*time.Hour)
	if err != nil {
		respond(w, http.StatusInternalServerError, map[string]string{"error": "internal"})
		return
	}
	respond(w, http.StatusOK, tokenReply{AccessToken: at, RefreshToken: refreshJWT})
}
