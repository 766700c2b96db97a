// Package auth issues, verifies and revokes FleetPulse tokens.
package auth

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/golang-jwt/jwt/v5"
	"github.com/google/uuid"
	"github.com/redis/go-redis/v9"
	"gorm.io/gorm"

	"github.com/fleetpulse/dispatch-api/internal/models"
)

const ClaimsKey = "fleetpulse.claims"

// Claims carry the subject's role and the token version current at issue time.
type Claims struct {
	Role         string `json:"role"`
	TokenVersion int    `json:"tv"`
	jwt.RegisteredClaims
}

var ErrReuse = errors.New("refresh token reused")

type Handlers struct {
	db  *gorm.DB
	rdb *redis.Client
	key []byte
}

func NewHandlers(db *gorm.DB, rdb *redis.Client, key []byte) *Handlers {
	return &Handlers{db: db, rdb: rdb, key: key}
}

func opaque() string {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

func digest(raw string) string {
	sum := sha256.Sum256([]byte(raw))
	return hex.EncodeToString(sum[:])
}

func (h *Handlers) accessToken(subject, role string, version int) (string, error) {
	now := time.Now()
	return jwt.NewWithClaims(jwt.SigningMethodHS256, Claims{Role: role, TokenVersion: version, RegisteredClaims: jwt.RegisteredClaims{
		ID:        uuid.NewString(),
		Subject:   subject,
		IssuedAt:  jwt.NewNumericDate(now),
		ExpiresAt: jwt.NewNumericDate(now.Add(10 * time.Minute)),
	}}).SignedString(h.key)
}

// issueRefresh stores a new refresh token (7 days) in the given family and returns it.
func (h *Handlers) issueRefresh(subject, kind, family string) (string, error) {
	raw := opaque()
	err := h.db.Create(&models.RefreshToken{
		Subject: subject, Kind: kind, FamilyID: family, TokenHash: digest(raw),
		ExpiresAt: time.Now().Add(7 * 24 * time.Hour),
	}).Error
	return raw, err
}

// rotate marks the presented token used and stores its successor in one transaction.
// A token presented a second time revokes its whole family.
func (h *Handlers) rotate(ctx context.Context, presented, successor string) (*models.RefreshToken, error) {
	var stored models.RefreshToken
	err := h.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Where("token_hash = ? AND expires_at > ?", digest(presented), time.Now()).First(&stored).Error; err != nil {
			return err
		}
		if stored.UsedAt != nil {
			return ErrReuse
		}
		if err := tx.Model(&stored).Update("used_at", time.Now()).Error; err != nil {
			return err
		}
		return tx.Create(&models.RefreshToken{
			Subject: stored.Subject, Kind: stored.Kind, FamilyID: stored.FamilyID, TokenHash: digest(successor),
			ExpiresAt: time.Now().Add(7 * 24 * time.Hour),
		}).Error
	})
	if errors.Is(err, ErrReuse) {
		h.db.WithContext(ctx).Where("family_id = ?", stored.FamilyID).Delete(&models.RefreshToken{})
	}
	return &stored, err
}

func (h *Handlers) currentVersion(ctx context.Context, role, subject string) (int, error) {
	var v int
	table := "drivers"
	if role == "dispatcher" {
		table = "dispatchers"
	}
	err := h.db.WithContext(ctx).Table(table).Select("token_version").Where("id = ?", subject).Scan(&v).Error
	return v, err
}

// RequireToken accepts a bearer token that verifies, is not on the denylist and carries
// the subject's current token version.
func (h *Handlers) RequireToken() gin.HandlerFunc {
	return func(c *gin.Context) {
		raw, ok := strings.CutPrefix(c.GetHeader("Authorization"), "Bearer ")
		if !ok {
			c.AbortWithStatusJSON(http.StatusUnauthorized, gin.H{"error": "bearer token required"})
			return
		}
		var claims Claims
		if _, err := jwt.ParseWithClaims(raw, &claims, func(*jwt.Token) (any, error) { return h.key, nil },
			jwt.WithValidMethods([]string{"HS256"}), jwt.WithExpirationRequired()); err != nil {
			c.AbortWithStatusJSON(http.StatusUnauthorized, gin.H{"error": "invalid token"})
			return
		}
		if n, err := h.rdb.Exists(c, "deny:"+claims.ID).Result(); err != nil || n > 0 {
			c.AbortWithStatusJSON(http.StatusUnauthorized, gin.H{"error": "token revoked"})
			return
		}
		if v, err := h.currentVersion(c, claims.Role, claims.Subject); err != nil || v != claims.TokenVersion {
			c.AbortWithStatusJSON(http.StatusUnauthorized, gin.H{"error": "token revoked"})
			return
		}
		c.Set(ClaimsKey, &claims)
		c.Next()
	}
}
