package auth

import (
	"context"
	"errors"
	"time"

	"github.com/fleetops/fleetapi/internal/models"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// Denylist records revoked access-token ids until they would have expired.
type Denylist struct{ db *gorm.DB }

func NewDenylist(db *gorm.DB) *Denylist { return &Denylist{db: db} }

func (d *Denylist) Add(ctx context.Context, jti string, exp time.Time) error {
	return d.db.WithContext(ctx).Clauses(clause.OnConflict{DoNothing: true}).
		Create(&models.RevokedToken{JTI: jti, ExpiresAt: exp}).Error
}

func (d *Denylist) Contains(ctx context.Context, jti string) (bool, error) {
	var row models.RevokedToken
	err := d.db.WithContext(ctx).Where("jti = ?", jti).First(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return false, nil
	}
	return err == nil, err
}

func (d *Denylist) Purge(ctx context.Context) error {
	return d.db.WithContext(ctx).Where("expires_at < ?", time.Now()).Delete(&models.RevokedToken{}).Error
}
