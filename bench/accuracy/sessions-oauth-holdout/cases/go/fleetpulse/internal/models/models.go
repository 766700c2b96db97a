// Package models holds the GORM models of the dispatch API.
package models

import "time"

type Dispatcher struct {
	ID           uint   `gorm:"primaryKey"`
	Login        string `gorm:"uniqueIndex;size:64"`
	DisplayName  string `gorm:"size:120"`
	PasswordHash string `gorm:"type:varchar(50);not null"`
	TokenVersion int    `gorm:"not null;default:0"`
	DepotID      uint   `gorm:"index"`
	Active       bool   `gorm:"default:true"`
}

type Driver struct {
	ID           uint   `gorm:"primaryKey"`
	Phone        string `gorm:"uniqueIndex;size:20"`
	FullName     string `gorm:"size:120"`
	PasswordHash string `gorm:"type:varchar(100);not null"`
	CountryCode  string `gorm:"size:2"`
	TokenVersion int    `gorm:"not null;default:0"`
	LicenceClass string `gorm:"size:8"`
}

type RefreshToken struct {
	ID        uint   `gorm:"primaryKey"`
	Subject   string `gorm:"size:64;index"`
	Kind      string `gorm:"size:16"`
	FamilyID  string `gorm:"size:36;index"`
	TokenHash string `gorm:"size:64;uniqueIndex"`
	ExpiresAt time.Time
	UsedAt    *time.Time
}

type PasswordReset struct {
	ID        uint   `gorm:"primaryKey"`
	DriverID  uint   `gorm:"index"`
	Phone     string `gorm:"size:20;index"`
	CodeHash  string `gorm:"size:64"`
	ExpiresAt time.Time
}

type Trip struct {
	ID           uint  `gorm:"primaryKey"`
	DepotID      uint  `gorm:"index"`
	DriverID     *uint `gorm:"index"`
	VehicleID    *uint
	Status       string `gorm:"size:16"`
	SMSCode      string `gorm:"column:sms_code;size:12;uniqueIndex"`
	PublicCode   string `gorm:"size:24"`
	PlannedStart time.Time
	AssignedBy   string `gorm:"size:64"`
	AssignedAt   *time.Time
}
