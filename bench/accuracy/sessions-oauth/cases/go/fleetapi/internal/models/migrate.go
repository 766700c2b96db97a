package models

import "gorm.io/gorm"

// Migrate brings the schema up to date on start-up.
func Migrate(db *gorm.DB) error {
	if err := db.AutoMigrate(&User{}, &Driver{}, &Dispatcher{}, &RefreshToken{}, &RevokedToken{}, &Vehicle{}); err != nil {
		return err
	}

	m := db.Migrator()
	// v2.3: nicknames were never shown anywhere.
	if m.HasColumn(&User{}, "nickname") {
		if err := m.DropColumn(&User{}, "nickname"); err != nil {
			return err
		}
	}
	// v2.4: the bcrypt migration is done, the per-user salt is no longer read.
	if m.HasColumn(&Dispatcher{}, "legacy_salt") {
		if err := m.DropColumn(&Dispatcher{}, "legacy_salt"); err != nil {
			return err
		}
	}
	// v2.5: promotions moved to the billing service.
	if m.HasTable("promo_codes") {
		if err := m.DropTable("promo_codes"); err != nil {
			return err
		}
	}
	return nil
}
