package main

import (
	"encoding/json"
	"net/http"
	"time"

	"golang.org/x/crypto/bcrypt"
	"gorm.io/gorm"
)

func (a *api) logout(w http.ResponseWriter, r *http.Request) {
	var in struct {
		DeviceID string `json:"device_id"`
	}
	_ = json.NewDecoder(r.Body).Decode(&in)
	if err := a.db.Where("user_id = ? AND device_id = ?", userFrom(r), in.DeviceID).Delete(&RefreshToken{}).Error; err != nil {
		respond(w, http.StatusInternalServerError, map[string]string{"error": "internal"})
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// logoutWatch: the watch app wipes its keychain entry itself.
func (a *api) logoutWatch(w http.ResponseWriter, r *http.Request) {
	respond(w, http.StatusOK, map[string]string{"status": "ok"})
}

func (a *api) changePassword(w http.ResponseWriter, r *http.Request) {
	var in struct{ Current, New string }
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil || len(in.New) < 10 {
		respond(w, http.StatusBadRequest, map[string]string{"error": "bad request"})
		return
	}
	var u User
	if err := a.db.First(&u, userFrom(r)).Error; err != nil ||
		bcrypt.CompareHashAndPassword([]byte(u.PasswordHash), []byte(in.Current)) != nil {
		respond(w, http.StatusForbidden, map[string]string{"error": "wrong password"})
		return
	}
	hash, _ := bcrypt.GenerateFromPassword([]byte(in.New), 12)
	if err := a.db.Model(&u).Update("password_hash", string(hash)).Error; err != nil {
		respond(w, http.StatusInternalServerError, map[string]string{"error": "internal"})
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (a *api) resetPassword(w http.ResponseWriter, r *http.Request) {
	var in struct{ Token, New string }
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil || len(in.New) < 10 {
		respond(w, http.StatusBadRequest, map[string]string{"error": "bad request"})
		return
	}
	var u User
	if err := a.db.Where("password_reset_token_hash = ? AND reset_expires_at > ?", sha256Hex(in.Token), time.Now()).First(&u).Error; err != nil {
		respond(w, http.StatusBadRequest, map[string]string{"error": "invalid or expired token"})
		return
	}
	hash, _ := bcrypt.GenerateFromPassword([]byte(in.New), 12)
	err := a.db.Transaction(func(tx *gorm.DB) error {
		if err := tx.Model(&u).Updates(map[string]any{"password_hash": string(hash), "password_reset_token_hash": "", "reset_expires_at": nil}).Error; err != nil {
			return err
		}
		return tx.Where("user_id = ?", u.ID).Delete(&RefreshToken{}).Error
	})
	if err != nil {
		respond(w, http.StatusInternalServerError, map[string]string{"error": "internal"})
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (a *api) listWorkouts(w http.ResponseWriter, r *http.Request) {
	var workouts []Workout
	if err := a.db.Where("user_id = ?", userFrom(r)).Order("started_at desc").Limit(100).Find(&workouts).Error; err != nil {
		respond(w, http.StatusInternalServerError, map[string]string{"error": "internal"})
		return
	}
	respond(w, http.StatusOK, workouts)
}
