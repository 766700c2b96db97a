package tokens

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"time"
)

const RefreshTTL = 7 * 24 * time.Hour

var (
	ErrInvalid = errors.New("tokens: invalid refresh token")
	ErrReused  = errors.New("tokens: refresh token reuse detected")
)

type Store struct{ db *sql.DB }

func NewStore(db *sql.DB) *Store { return &Store{db: db} }

func Hash(raw string) string {
	sum := sha256.Sum256([]byte(raw))
	return hex.EncodeToString(sum[:])
}

func opaque() string {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

type execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

func (s *Store) Insert(ctx context.Context, db execer, userID int64, family string) (string, error) {
	raw := opaque()
	_, err := db.ExecContext(ctx,
		`INSERT INTO refresh_tokens (token_hash, user_id, family_id, expires_at) VALUES ($1, $2, $3, $4)`,
		Hash(raw), userID, family, time.Now().Add(RefreshTTL))
	return raw, err
}

func (s *Store) NewFamily(ctx context.Context, userID int64) (string, error) {
	return s.Insert(ctx, s.db, userID, opaque())
}

// Rotate consumes the presented token and issues its successor. Presenting
// an already-consumed token revokes the whole family.
func (s *Store) Rotate(ctx context.Context, presented string) (userID int64, next string, err error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, "", err
	}
	defer tx.Rollback()

	var family string
	err = tx.QueryRowContext(ctx, `
		UPDATE refresh_tokens SET used_at = now()
		WHERE token_hash = $1 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()
		RETURNING user_id, family_id`, Hash(presented)).Scan(&userID, &family)
	if errors.Is(err, sql.ErrNoRows) {
		var fam string
		if tx.QueryRowContext(ctx, `SELECT family_id FROM refresh_tokens WHERE token_hash = $1`, Hash(presented)).Scan(&fam) == nil {
			_, _ = tx.ExecContext(ctx, `UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1`, fam)
			_ = tx.Commit()
			return 0, "", ErrReused
		}
		return 0, "", ErrInvalid
	} else if err != nil {
		return 0, "", err
	}
	next, err = s.Insert(ctx, tx, userID, family)
	if err != nil {
		return 0, "", err
	}
	return userID, next, tx.Commit()
}

type Row struct {
	UserID int64
	Family string
	Used   bool
}

func (s *Store) Lookup(ctx context.Context, presented string) (*Row, error) {
	var r Row
	var usedAt sql.NullTime
	err := s.db.QueryRowContext(ctx, `
		SELECT user_id, family_id, used_at FROM refresh_tokens
		WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > now()`, Hash(presented)).Scan(&r.UserID, &r.Family, &usedAt)
	if err != nil {
		return nil, ErrInvalid
	}
	r.Used = usedAt.Valid
	return &r, nil
}

func (s *Store) DB() *sql.DB { return s.db }
