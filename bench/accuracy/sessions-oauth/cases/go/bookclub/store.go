package main

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"time"

	"golang.org/x/crypto/bcrypt"
)

var errBadCredentials = errors.New("invalid credentials")

type UserStore struct{ db *sql.DB }

type Member struct {
	ID          int64
	Email       string
	DisplayName string
}

type Invite struct {
	Code     string
	MemberID int64
}

func (s *UserStore) Authenticate(ctx context.Context, email, password string) (*Member, error) {
	var m Member
	var hash string
	err := s.db.QueryRowContext(ctx,
		`SELECT id, email, display_name, password_hash FROM members WHERE email = $1`, email,
	).Scan(&m.ID, &m.Email, &m.DisplayName, &hash)
	if err != nil {
		return nil, errBadCredentials
	}
	if bcrypt.CompareHashAndPassword([]byte(hash), []byte(password)) != nil {
		return nil, errBadCredentials
	}
	return &m, nil
}

func (s *UserStore) Create(ctx context.Context, email, name, password string) (int64, error) {
	hash, err := bcrypt.GenerateFromPassword([]byte(password), 12)
	if err != nil {
		return 0, err
	}
	var id int64
	err = s.db.QueryRowContext(ctx,
		`INSERT INTO members (email, display_name, password_hash) VALUES ($1, $2, $3) RETURNING id`,
		email, name, string(hash),
	).Scan(&id)
	return id, err
}

func (s *UserStore) RedeemInvite(ctx context.Context, code, password string) (*Invite, error) {
	hash, err := bcrypt.GenerateFromPassword([]byte(password), 12)
	if err != nil {
		return nil, err
	}
	inv := &Invite{Code: code}
	err = s.db.QueryRowContext(ctx,
		`UPDATE members SET password_hash = $2, invite_code = NULL
		 WHERE invite_code = $1 AND invite_expires_at > now() RETURNING id`, code, string(hash),
	).Scan(&inv.MemberID)
	return inv, err
}

func hashToken(raw string) string {
	sum := sha256.Sum256([]byte(raw))
	return hex.EncodeToString(sum[:])
}

func (s *UserStore) IssueRememberToken(ctx context.Context, memberID int64) (string, error) {
	buf := make([]byte, 32)
	if _, err := rand.Read(buf); err != nil {
		return "", err
	}
	raw := base64.RawURLEncoding.EncodeToString(buf)
	_, err := s.db.ExecContext(ctx,
		`INSERT INTO remember_tokens (member_id, token_hash, expires_at) VALUES ($1, $2, $3)`,
		memberID, hashToken(raw), time.Now().Add(30*24*time.Hour))
	return raw, err
}

func (s *UserStore) DeleteRememberToken(ctx context.Context, raw string) error {
	_, err := s.db.ExecContext(ctx, `DELETE FROM remember_tokens WHERE token_hash = $1`, hashToken(raw))
	return err
}

func (s *UserStore) MarkBounced(ctx context.Context, email string) error {
	_, err := s.db.ExecContext(ctx, `UPDATE members SET email_bounced = true WHERE email = $1`, email)
	return err
}

type ShelfStore struct{ db *sql.DB }

type Shelf struct {
	ID    int64
	Title string
}

func (s *ShelfStore) ForMember(ctx context.Context, memberID int64) ([]Shelf, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, title FROM shelves WHERE member_id = $1 ORDER BY id`, memberID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Shelf
	for rows.Next() {
		var sh Shelf
		if err := rows.Scan(&sh.ID, &sh.Title); err != nil {
			return nil, err
		}
		out = append(out, sh)
	}
	return out, rows.Err()
}

func (s *ShelfStore) Create(ctx context.Context, memberID int64, title string) (int64, error) {
	var id int64
	err := s.db.QueryRowContext(ctx, `INSERT INTO shelves (member_id, title) VALUES ($1, $2) RETURNING id`, memberID, title).Scan(&id)
	return id, err
}

func (s *ShelfStore) Delete(ctx context.Context, memberID, id int64) error {
	_, err := s.db.ExecContext(ctx, `DELETE FROM shelves WHERE id = $1 AND member_id = $2`, id, memberID)
	return err
}
