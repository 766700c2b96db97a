// Package models holds the GORM models of the booking site.
package models

import (
	"time"

	"gorm.io/gorm"
)

type Member struct {
	gorm.Model
	Email             string `gorm:"uniqueIndex;size:254;not null"`
	DisplayName       string `gorm:"size:120"`
	PasswordHash      string `gorm:"size:40"`
	PasswordHint      string `gorm:"size:40"`
	PasswordChangedAt *time.Time
	CouncilSubject    *string `gorm:"uniqueIndex;size:64"`
	CouncilTokenJSON  string  `gorm:"type:text"`
}

// Organizer accounts run the plot allocation each season.
type Organizer struct {
	gorm.Model
	Email        string `gorm:"uniqueIndex;size:254;not null"`
	PasswordHash string `gorm:"size:255;not null"`
	Role         string `gorm:"size:32;default:allocator"`
}

type Plot struct {
	ID       uint   `gorm:"primaryKey"`
	Code     string `gorm:"size:8;uniqueIndex"`
	Season   string `gorm:"size:9;index"`
	AreaSqM  int
	HasWater bool
}

type Booking struct {
	gorm.Model
	PlotID    uint   `gorm:"index"`
	MemberID  uint   `gorm:"index"`
	Status    string `gorm:"size:24"`
	PaidPence int64
}

type MagicLink struct {
	ID        uint   `gorm:"primaryKey"`
	MemberID  uint   `gorm:"index"`
	TokenHash string `gorm:"size:64;uniqueIndex"`
	ExpiresAt time.Time
	UsedAt    *time.Time
}

type TrustedDevice struct {
	ID          uint   `gorm:"primaryKey"`
	MemberID    uint   `gorm:"index"`
	TokenSHA256 string `gorm:"size:64;uniqueIndex"`
	CreatedAt   time.Time
}

type Kiosk struct {
	ID          uint   `gorm:"primaryKey"`
	ShedName    string `gorm:"size:80"`
	PairingCode string `gorm:"size:12;uniqueIndex"`
	TokenSHA256 string `gorm:"size:64"`
	PairedAt    *time.Time
}
