package auth

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"time"

	"github.com/fleetops/fleetapi/internal/models"
	"github.com/google/uuid"
	"gorm.io/gorm"
)

var ErrRefreshReused = errors.New("auth: refresh token already used")

type RefreshStore struct {
	db  *gorm.DB
	ttl time.Duration
}

func NewRefreshStore(db *gorm.DB, ttl time.Duration) *RefreshStore {
	return &RefreshStore{db: db, ttl: ttl}
}

func digest(raw string) string {
	sum := sha256.Sum256([]byte(raw))
	return hex.EncodeToString(sum[:])
}

func newOpaque() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

func (s *RefreshStore) insert(tx *gorm.DB, userID uint, family string) (string, error) {
	raw, err := newOpaque()
	if err != nil {
		return "", err
	}
	row := models.RefreshToken{
		ID: uuid.NewString(), UserID: userID, FamilyID: family,
		TokenHash: digest(raw), ExpiresAt: time.Now().Add(s.ttl),
	}
	return raw, tx.Create(&row).Error
}

// Issue starts a new token family (used at login).
func (s *RefreshStore) Issue(ctx context.Context, userID uint) (string, error) {
	return s.insert(s.db.WithContext(ctx), userID, uuid.NewString())
}

func (s *RefreshStore) Lookup(ctx context.Context, raw string) (*models.RefreshToken, error) {
	var rt models.RefreshToken
	err := s.db.WithContext(ctx).Where("token_hash = ? AND expires_at > ?", digest(raw), time.Now()).First(&rt).Error
	return &rt, err
}

// Rotate revokes the presented token and issues its successor in the same
// family, atomically. A token that was already revoked cannot be rotated.
func (s *RefreshStore) Rotate(ctx context.Context, old *models.RefreshToken) (string, error) {
	var next string
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		res := tx.Model(&models.RefreshToken{}).
			Where("id = ? AND revoked_at IS NULL", old.ID).
			Update("revoked_at", time.Now())
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected != 1 {
			return ErrRefreshReused
		}
		var err error
		next, err = s.insert(tx, old.UserID, old.FamilyID)
		return err
	})
	return next, err
}

func (s *RefreshStore) RevokeFamily(ctx context.Context, family string) error {
	return s.db.WithContext(ctx).Model(&models.RefreshToken{}).
		Where("family_id = ? AND revoked_at IS NULL", family).
		Update("revoked_at", time.Now()).Error
}

func (s *RefreshStore) RevokeAllForUser(ctx context.Context, userID uint) error {
	return s.db.WithContext(ctx).Where("user_id = ?", userID).Delete(&models.RefreshToken{}).Error
}
