package main

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"

	"golang.org/x/crypto/bcrypt"
)

var errInvalidCredentials = errors.New("models: invalid credentials")

type userModel struct{ db *sql.DB }

func (m *userModel) Authenticate(ctx context.Context, email, password string) (int, error) {
	var id int
	var hashed []byte
	err := m.db.QueryRowContext(ctx, `SELECT id, hashed_password FROM users WHERE email = $1`, email).Scan(&id, &hashed)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, errInvalidCredentials
	} else if err != nil {
		return 0, err
	}
	if err := bcrypt.CompareHashAndPassword(hashed, []byte(password)); err != nil {
		return 0, errInvalidCredentials
	}
	return id, nil
}

func (m *userModel) Insert(ctx context.Context, name, email, password string) (int, error) {
	hashed, err := bcrypt.GenerateFromPassword([]byte(password), 12)
	if err != nil {
		return 0, err
	}
	var id int
	err = m.db.QueryRowContext(ctx,
		`INSERT INTO users (name, email, hashed_password) VALUES ($1, $2, $3) RETURNING id`,
		name, email, string(hashed)).Scan(&id)
	return id, err
}

func sha256Hex(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

func (m *userModel) ConsumeMagicLink(ctx context.Context, token string) (int, error) {
	var id int
	err := m.db.QueryRowContext(ctx,
		`DELETE FROM magic_links WHERE token_hash = $1 AND expires_at > now() RETURNING user_id`,
		sha256Hex(token)).Scan(&id)
	return id, err
}

func (m *userModel) ResetPassword(ctx context.Context, token, password string) (int, error) {
	hashed, err := bcrypt.GenerateFromPassword([]byte(password), 12)
	if err != nil {
		return 0, err
	}
	var id int
	err = m.db.QueryRowContext(ctx,
		`WITH r AS (DELETE FROM password_resets WHERE token_hash = $1 AND expires_at > now() RETURNING user_id)
		 UPDATE users SET hashed_password = $2 FROM r WHERE users.id = r.user_id RETURNING users.id`,
		sha256Hex(token), string(hashed)).Scan(&id)
	return id, err
}

func (m *userModel) SetAPIToken(ctx context.Context, userID int, token string) error {
	_, err := m.db.ExecContext(ctx, `UPDATE users SET api_token_hash = $2 WHERE id = $1`, userID, sha256Hex(token))
	return err
}

type taskModel struct{ db *sql.DB }

func (m *taskModel) Insert(ctx context.Context, ownerID int, title string) (int, error) {
	var id int
	err := m.db.QueryRowContext(ctx, `INSERT INTO tasks (owner_id, title) VALUES ($1, $2) RETURNING id`, ownerID, title).Scan(&id)
	return id, err
}

func (m *taskModel) Complete(ctx context.Context, ownerID, id int) error {
	_, err := m.db.ExecContext(ctx, `UPDATE tasks SET done_at = now() WHERE id = $1 AND owner_id = $2`, id, ownerID)
	return err
}

func (m *taskModel) Archive(ctx context.Context, ownerID, id int) error {
	_, err := m.db.ExecContext(ctx, `UPDATE tasks SET archived = true WHERE id = $1 AND owner_id = $2`, id, ownerID)
	return err
}
