package authn

import (
	"net/http"

	"golang.org/x/crypto/bcrypt"
)

// Endpoints kept for the v1 desktop client. They use the "refresh_token"
// cookie on path / instead of notes_refresh.

func (s *Service) LegacyRefresh(w http.ResponseWriter, r *http.Request) {
	c, err := r.Cookie("refresh_token")
	if err != nil {
		http.Error(w, "no refresh token", http.StatusUnauthorized)
		return
	}
	row, err := s.lookupRefresh(r.Context(), c.Value)
	if err != nil {
		http.Error(w, "invalid refresh token", http.StatusUnauthorized)
		return
	}
	_, _ = s.db.Exec(r.Context(), `UPDATE refresh_tokens SET last_used_at = now() WHERE id = $1`, row.ID)
	access, accessExp, err := s.issueAccess(row.UserID, row.TV)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	newRefresh, _, err := s.createRefresh(r.Context(), row.UserID)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	http.SetCookie(w, accessCookie(access, accessExp))
	http.SetCookie(w, legacyRefreshCookie(newRefresh))
	w.WriteHeader(http.StatusNoContent)
}

// LegacyExtend only renews the access token; the client keeps its refresh
// cookie, which is re-sent with a fresh Max-Age.
func (s *Service) LegacyExtend(w http.ResponseWriter, r *http.Request) {
	c, err := r.Cookie("refresh_token")
	if err != nil {
		http.Error(w, "no refresh token", http.StatusUnauthorized)
		return
	}
	row, err := s.lookupRefresh(r.Context(), c.Value)
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
	http.SetCookie(w, legacyRefreshCookie(c.Value))
	w.WriteHeader(http.StatusNoContent)
}

func (s *Service) LegacyLogout(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: accessCookieName, Path: "/", MaxAge: -1})
	http.SetCookie(w, &http.Cookie{Name: "refresh_token", Path: "/", MaxAge: -1})
	w.WriteHeader(http.StatusNoContent)
}

func (s *Service) LegacyChangePassword(w http.ResponseWriter, r *http.Request) {
	p := PrincipalFrom(r.Context())
	if err := r.ParseForm(); err != nil {
		http.Error(w, "bad form", http.StatusBadRequest)
		return
	}
	newHash, err := bcrypt.GenerateFromPassword([]byte(r.PostForm.Get("new_password")), 12)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	if _, err := s.db.Exec(r.Context(), `UPDATE users SET password_hash = $2 WHERE id = $1`, p.UserID, newHash); err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
