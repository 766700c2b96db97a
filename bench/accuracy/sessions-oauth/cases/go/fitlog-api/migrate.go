package main

import "gorm.io/gorm"

func migrate(db *gorm.DB) error {
	if err := db.AutoMigrate(&User{}, &Coach{}, &Admin{}, &RefreshToken{}, &Workout{}); err != nil {
		return err
	}
	m := db.Migrator()

	// 2023-11: access tokens are short-lived, the blacklist table is unused.
	if m.HasTable("jwt_blacklist") {
		if err := m.DropTable("jwt_blacklist"); err != nil {
			return err
		}
	}
	// 2024-02: the per-user token_version counter was never incremented.
	if m.HasColumn(&User{}, "token_version") {
		if err := m.DropColumn(&User{}, "token_version"); err != nil {
			return err
		}
	}
	// 2024-03: bcrypt embeds its salt.
	if m.HasColumn(&User{}, "salt") {
		if err := m.DropColumn(&User{}, "salt"); err != nil {
			return err
		}
	}
	if m.HasColumn(&User{}, "avatar_url") {
		if err := m.DropColumn(&User{}, "avatar_url"); err != nil {
			return err
		}
	}
	// 2024-05: bring the accounts imported from the web shop onto one format.
	return db.Exec(`UPDATE users SET password_hash = encode(digest(password_hash, 'sha1'), 'hex') WHERE created_at < '2021-01-01'`).Error
}
