package main

import "time"

type Student struct {
	ID           uint   `gorm:"primaryKey"`
	Email        string `gorm:"uniqueIndex;not null"`
	PasswordHash string `gorm:"not null"`
	TokenVersion int    `gorm:"not null;default:0"`
	CreatedAt    time.Time
}

type Tutor struct {
	ID           uint   `gorm:"primaryKey"`
	Email        string `gorm:"uniqueIndex;not null"`
	PasswordHash string `gorm:"type:varchar(45);not null"`
	HourlyRate   int
}

type Parent struct {
	ID           uint   `gorm:"primaryKey"`
	Email        string `gorm:"uniqueIndex"`
	PasswordHash string `gorm:"size:50"`
	StudentID    uint
}

type RefreshToken struct {
	ID        uint   `gorm:"primaryKey"`
	StudentID uint   `gorm:"index;not null"`
	Family    string `gorm:"size:36;index;not null"`
	Hash      string `gorm:"size:64;uniqueIndex;not null"`
	UsedAt    *time.Time
	ExpiresAt time.Time `gorm:"not null"`
}

type Family struct {
	ID      string `gorm:"primaryKey;size:36"`
	Revoked bool   `gorm:"not null;default:false"`
}
