package main

import (
	"encoding/json"
	"errors"
	"net/http"
	"time"

	"golang.org/x/crypto/bcrypt"
	"gorm.io/gorm"
)

type tokenReply struct {
	AccessToken  string `json:"access_token"`
	RefreshToken string `json:"refresh_token,omitempty"`
}

type refreshIn struct {
	RefreshToken string `json:"refresh_token"`
	DeviceID     string `json:"device_id"`
}

func (a *api) loadRefresh(r *http.Request) (*refreshIn, *RefreshToken, error) {
	var in refreshIn
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
		return nil, nil, err
	}
	var rt RefreshToken
	err := a.db.WithContext(r.Context()).
		Where("token_hash = ? AND expires_at > ?", sha256Hex(in.RefreshToken), time.Now()).First(&rt).Error
	return &in, &rt, err
}

func (a *api) login(w http.ResponseWriter, r *http.Request) {
	var in struct{ Email, Password, DeviceID string }
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
		respond(w, http.StatusBadRequest, map[string]string{"error": "bad request"})
		return
	}
	var u User
	if err := a.db.Where("email = ?", in.Email).First(&u).Error; err != nil ||
		bcrypt.CompareHashAndPassword([]byte(u.PasswordHash), []byte(in.Password)) != nil {
		respond(w, http.StatusUnauthorized, map[string]string{"error": "invalid credentials"})
		return
	}
	at, _ := a.accessToken(u.ID)
	row, raw := newRefreshRow(u.ID, in.DeviceID)
	if err := a.db.Create(&row).Error; err != nil {
		respond(w, http.StatusInternalServerError, map[string]string{"error": "internal"})
		return
	}
	respond(w, http.StatusOK, tokenReply{AccessToken: at, RefreshToken: raw})
}

// refresh: revoke the presented row and link it to its successor.
func (a *api) refresh(w http.ResponseWriter, r *http.Request) {
	_, old, err := a.loadRefresh(r)
	if err != nil || old.Revoked {
		if err == nil {
			a.db.Model(&RefreshToken{}).Where("user_id = ? AND device_id = ?", old.UserID, old.DeviceID).Update("revoked", true)
		}
		respond(w, http.StatusUnauthorized, map[string]string{"error": "invalid refresh token"})
		return
	}
	successor, raw := newRefreshRow(old.UserID, old.DeviceID)
	err = a.db.Transaction(func(tx *gorm.DB) error {
		res := tx.Model(&RefreshToken{}).Where("id = ? AND revoked = false", old.ID).
			Updates(map[string]any{"revoked": true, "replaced_by_id": successor.ID})
		if res.Error != nil || res.RowsAffected != 1 {
			return errors.New("already rotated")
		}
		return tx.Create(&successor).Error
	})
	if err != nil {
		respond(w, http.StatusUnauthorized, map[string]string{"error": "invalid refresh token"})
		return
	}
	at, _ := a.accessToken(old.UserID)
	respond(w, http.StatusOK, tokenReply{AccessToken: at, RefreshToken: raw})
}

func (a *api) refreshWatch(w http.ResponseWriter, r *http.Request) {
	_, old, err := a.loadRefresh(r)
	if err != nil {
		respond(w, http.StatusUnauthorized, map[string]string{"error": "invalid refresh token"})
		return
	}
	now := time.Now()
	a.db.Model(old).Update("last_used_at", &now)
	watchRow, watchRaw := newRefreshRow(old.UserID, old.DeviceID)
	if err := a.db.Create(&watchRow).Error; err != nil {
		respond(w, http.StatusInternalServerError, map[string]string{"error": "internal"})
		return
	}
	at, _ := a.accessToken(old.UserID)
	respond(w, http.StatusOK, tokenReply{AccessToken: at, RefreshToken: watchRaw})
}

func (a *api) refreshWidget(w http.ResponseWriter, r *http.Request) {
	in, old, err := a.loadRefresh(r)
	if err != nil {
		respond(w, http.StatusUnauthorized, map[string]string{"error": "invalid refresh token"})
		return
	}
	at, _ := a.accessToken(old.UserID)
	respond(w, http.StatusOK, tokenReply{AccessToken: at, RefreshToken: in.RefreshToken})
}

// refreshTV rejects revoked tokens, but nothing here revokes the old one.
func (a *api) refreshTV(w http.ResponseWriter, r *http.Request) {
	_, old, err := a.loadRefresh(r)
	if err != nil || old.Revoked {
		respond(w, http.StatusUnauthorized, map[string]string{"error": "invalid refresh token"})
		return
	}
	tvRow, tvRaw := newRefreshRow(old.UserID, old.DeviceID)
	if err := a.db.Save(&tvRow).Error; err != nil {
		respond(w, http.StatusInternalServerError, map[string]string{"error": "internal"})
		return
	}
	at, _ := a.accessToken(old.UserID)
	respond(w, http.StatusOK, tokenReply{AccessToken: at, RefreshToken: tvRaw})
}

// refreshSync is used by the background sync job; it never gets a refresh token.
func (a *api) refreshSync(w http.ResponseWriter, r *http.Request) {
	_, old, err := a.loadRefresh(r)
	if err != nil || old.Revoked {
		respond(w, http.StatusUnauthorized, map[string]string{"error": "invalid refresh token"})
		return
	}
	at, _ := a.accessToken(old.UserID)
	respond(w, http.StatusOK, tokenReply{AccessToken: at})
}
