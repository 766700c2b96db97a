package authn

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"strconv"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/google/uuid"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/redis/go-redis/v9"
)

const (
	accessTTL  = 10 * time.Minute
	refreshTTL = 7 * 24 * time.Hour
)

type Service struct {
	db     *pgxpool.Pool
	rdb    *redis.Client
	secret []byte
}

func NewService(db *pgxpool.Pool, rdb *redis.Client, secret []byte) *Service {
	return &Service{db: db, rdb: rdb, secret: secret}
}

type accessClaims struct {
	Version int `json:"tv"`
	jwt.RegisteredClaims
}

func (s *Service) issueAccess(userID int64, version int) (string, time.Time, error) {
	exp := time.Now().Add(accessTTL)
	claims := accessClaims{
		Version: version,
		RegisteredClaims: jwt.RegisteredClaims{
			ID:        uuid.NewString(),
			Subject:   strconv.FormatInt(userID, 10),
			ExpiresAt: jwt.NewNumericDate(exp),
			IssuedAt:  jwt.NewNumericDate(time.Now()),
		},
	}
	tok, err := jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(s.secret)
	return tok, exp, err
}

func (s *Service) parseAccess(raw string) (*accessClaims, error) {
	claims := &accessClaims{}
	_, err := jwt.ParseWithClaims(raw, claims, func(*jwt.Token) (any, error) { return s.secret, nil },
		jwt.WithValidMethods([]string{"HS256"}), jwt.WithExpirationRequired())
	return claims, err
}

func hashRefresh(raw string) string {
	sum := sha256.Sum256([]byte(raw))
	return hex.EncodeToString(sum[:])
}

func randomRefresh() string {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

// createRefresh stores a new opaque refresh token for the user.
func (s *Service) createRefresh(ctx context.Context, userID int64) (string, time.Time, error) {
	raw := randomRefresh()
	exp := time.Now().Add(refreshTTL)
	_, err := s.db.Exec(ctx, `INSERT INTO refresh_tokens (token_hash, user_id, expires_at) VALUES ($1, $2, $3)`,
		hashRefresh(raw), userID, exp)
	return raw, exp, err
}

type refreshRow struct {
	ID     int64
	UserID int64
	TV     int
}

var errNoRefresh = errors.New("authn: unknown or expired refresh token")

func (s *Service) lookupRefresh(ctx context.Context, raw string) (*refreshRow, error) {
	var row refreshRow
	err := s.db.QueryRow(ctx, `
		SELECT rt.id, rt.user_id, u.token_version
		FROM refresh_tokens rt JOIN users u ON u.id = rt.user_id
		WHERE rt.token_hash = $1 AND rt.expires_at > now()`, hashRefresh(raw)).Scan(&row.ID, &row.UserID, &row.TV)
	if err != nil {
		return nil, errNoRefresh
	}
	return &row, nil
}

func (s *Service) denylisted(ctx context.Context, jti string) bool {
	n, err := s.rdb.Exists(ctx, "notes:deny:"+jti).Result()
	return err != nil || n > 0
}

func (s *Service) currentVersion(ctx context.Context, userID int64) (int, error) {
	var v int
	err := s.db.QueryRow(ctx, `SELECT token_version FROM users WHERE id = $1`, userID).Scan(&v)
	return v, err
}
