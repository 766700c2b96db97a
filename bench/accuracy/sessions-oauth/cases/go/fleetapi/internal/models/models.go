package models

import "time"

// User is a fleet operator account (dashboard).
type User struct {
	ID           uint   `gorm:"primaryKey"`
	Email        string `gorm:"size:320;uniqueIndex;not null"`
	Name         string `gorm:"size:120"`
	PasswordHash string `gorm:"size:255;not null"`
	PasswordHint string `gorm:"size:40"`
	CountryCode  string `gorm:"size:2"`
	TokenVersion int    `gorm:"not null;default:0"`
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// Driver logs in from the mobile app with phone number and password.
type Driver struct {
	ID           uint   `gorm:"primaryKey"`
	FleetID      uint   `gorm:"index;not null"`
	Phone        string `gorm:"size:32;uniqueIndex;not null"`
	PasswordHash string `gorm:"type:varchar(50);not null"`
	LicenseNo    string `gorm:"size:20"`
	CreatedAt    time.Time
}

// Dispatcher accounts were imported from the old PHP back office.
type Dispatcher struct {
	ID             uint   `gorm:"primaryKey"`
	Username       string `gorm:"size:64;uniqueIndex"`
	HashedPassword string `gorm:"column:hashed_password;size:255;not null"`
	PasswordSetAt  time.Time
}

// RefreshToken rows hold the SHA-256 of an opaque refresh token.
type RefreshToken struct {
	ID        string `gorm:"primaryKey;size:36"`
	UserID    uint   `gorm:"index;not null"`
	FamilyID  string `gorm:"size:36;index;not null"`
	TokenHash string `gorm:"size:64;uniqueIndex;not null"`
	ExpiresAt time.Time
	RevokedAt *time.Time
	CreatedAt time.Time
}

// RevokedToken is the access-token denylist, keyed by jti.
type RevokedToken struct {
	JTI       string    `gorm:"primaryKey;size:36"`
	ExpiresAt time.Time `gorm:"index"`
}

type Vehicle struct {
	ID      uint   `gorm:"primaryKey"`
	FleetID uint   `gorm:"index"`
	Plate   string `gorm:"size:16"`
	VIN     string `gorm:"size:17;uniqueIndex"`
}
