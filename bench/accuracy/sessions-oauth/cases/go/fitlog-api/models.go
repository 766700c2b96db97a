package main

import "time"

type User struct {
	ID                     uint   `gorm:"primaryKey"`
	Email                  string `gorm:"size:254;uniqueIndex;not null"`
	PasswordHash           string `gorm:"size:40;not null"`
	PasswordResetTokenHash string `gorm:"size:64;index"`
	ResetExpiresAt         *time.Time
	DisplayName            string `gorm:"size:80"`
	CreatedAt              time.Time
}

// Coach accounts log in to the web coaching dashboard.
type Coach struct {
	ID             uint   `gorm:"primaryKey"`
	Email          string `gorm:"size:254;uniqueIndex"`
	PasswordDigest string `gorm:"type:char(32);not null"`
	Certified      bool
}

type Admin struct {
	ID       uint   `gorm:"primaryKey"`
	Username string `gorm:"size:64;uniqueIndex"`
	Password string `gorm:"type:varchar(255);not null"`
}

type RefreshToken struct {
	ID           string `gorm:"primaryKey;type:uuid"`
	UserID       uint   `gorm:"index;not null"`
	DeviceID     string `gorm:"size:64;index"`
	TokenHash    string `gorm:"size:64;uniqueIndex;not null"`
	ExpiresAt    time.Time
	LastUsedAt   *time.Time
	Revoked      bool `gorm:"not null;default:false"`
	ReplacedByID *string
	CreatedAt    time.Time
}

type Workout struct {
	ID        uint `gorm:"primaryKey"`
	UserID    uint `gorm:"index"`
	Kind      string
	Minutes   int
	StartedAt time.Time
}
