package authn

import (
	"encoding/json"
	"net/http"
	"time"

	"github.com/jackc/pgx/v5"
	"golang.org/x/crypto/bcrypt"
)

func (s *Service) Login(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Email    string `json:"email"`
		Password string `json:"password"`
	}
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	var id int64
	var hash []byte
	var tv int
	err := s.db.QueryRow(r.Context(), `SELECT id, password_hash, token_version FROM users WHERE email = $1`, in.Email).Scan(&id, &hash, &tv)
	if err != nil || bcrypt.CompareHashAndPassword(hash, []byte(in.Password)) != nil {
		http.Error(w, "invalid credentials", http.StatusUnauthorized)
		return
	}
	access, accessExp, err := s.issueAccess(id, tv)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	refresh, refreshExp, err := s.createRefresh(r.Context(), id)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	http.SetCookie(w, accessCookie(access, accessExp))
	http.SetCookie(w, refreshCookie(refresh, refreshExp))
	w.WriteHeader(http.StatusNoContent)
}

// Refresh rotates the refresh token: the presented row is deleted in the same
// transaction that inserts its successor.
func (s *Service) Refresh(w http.ResponseWriter, r *http.Request) {
	c, err := r.Cookie(refreshCookieName)
	if err != nil {
		http.Error(w, "no refresh token", http.StatusUnauthorized)
		return
	}
	ctx := r.Context()
	row, err := s.lookupRefresh(ctx, c.Value)
	if err != nil {
		http.Error(w, "invalid refresh token", http.StatusUnauthorized)
		return
	}
	next := randomRefresh()
	nextExp := time.Now().Add(refreshTTL)
	err = pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `DELETE FROM refresh_tokens WHERE id = $1`, row.ID)
		if err != nil {
			return err
		}
		if tag.RowsAffected() != 1 {
			return errNoRefresh
		}
		_, err = tx.Exec(ctx, `INSERT INTO refresh_tokens (token_hash, user_id, expires_at) VALUES ($1, $2, $3)`, hashRefresh(next), row.UserID, nextExp)
		return err
	})
	if err != nil {
		http.Error(w, "invalid refresh token", http.StatusUnauthorized)
		return
	}
	access, accessExp, err := s.issueAccess(row.UserID, row.TV)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	http.SetCookie(w, accessCookie(access, accessExp))
	http.SetCookie(w, refreshCookie(next, nextExp))
	w.WriteHeader(http.StatusNoContent)
}

func (s *Service) Logout(w http.ResponseWriter, r *http.Request) {
	p := PrincipalFrom(r.Context())
	ttl := time.Until(p.Claims.ExpiresAt.Time)
	if err := s.rdb.Set(r.Context(), "notes:deny:"+p.Claims.ID, 1, ttl).Err(); err != nil {
		http.Error(w, "logout failed", http.StatusInternalServerError)
		return
	}
	if c, err := r.Cookie(refreshCookieName); err == nil {
		_, _ = s.db.Exec(r.Context(), `DELETE FROM refresh_tokens WHERE token_hash = $1`, hashRefresh(c.Value))
	}
	http.SetCookie(w, expired(accessCookieName, "/"))
	http.SetCookie(w, expired(refreshCookieName, "/auth"))
	w.WriteHeader(http.StatusNoContent)
}

func (s *Service) LogoutEverywhere(w http.ResponseWriter, r *http.Request) {
	p := PrincipalFrom(r.Context())
	err := pgx.BeginFunc(r.Context(), s.db, func(tx pgx.Tx) error {
		if _, err := tx.Exec(r.Context(), `UPDATE users SET token_version = token_version + 1 WHERE id = $1`, p.UserID); err != nil {
			return err
		}
		_, err := tx.Exec(r.Context(), `DELETE FROM refresh_tokens WHERE user_id = $1`, p.UserID)
		return err
	})
	if err != nil {
		http.Error(w, "logout failed", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (s *Service) ChangePassword(w http.ResponseWriter, r *http.Request) {
	p := PrincipalFrom(r.Context())
	var in struct {
		Current string `json:"current"`
		Next    string `json:"next"`
	}
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil || len(in.Next) < 12 {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	var hash []byte
	if err := s.db.QueryRow(r.Context(), `SELECT password_hash FROM users WHERE id = $1`, p.UserID).Scan(&hash); err != nil ||
		bcrypt.CompareHashAndPassword(hash, []byte(in.Current)) != nil {
		http.Error(w, "current password is wrong", http.StatusForbidden)
		return
	}
	newHash, err := bcrypt.GenerateFromPassword([]byte(in.Next), 12)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	err = pgx.BeginFunc(r.Context(), s.db, func(tx pgx.Tx) error {
		if _, err := tx.Exec(r.Context(), `UPDATE users SET password_hash = $2, token_version = token_version + 1 WHERE id = $1`, p.UserID, newHash); err != nil {
			return err
		}
		_, err := tx.Exec(r.Context(), `DELETE FROM refresh_tokens WHERE user_id = $1`, p.UserID)
		return err
	})
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
