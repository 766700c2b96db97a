package main

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
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

type service struct {
	db  *pgxpool.Pool
	rdb *redis.Client
	key []byte
}

type claims struct {
	TV int64 `json:"tv"`
	jwt.RegisteredClaims
}

func (s *service) tokenVersion(ctx context.Context, uid string) int64 {
	v, _ := s.rdb.Get(ctx, "tv:"+uid).Int64()
	return v
}

func (s *service) mintAccess(ctx context.Context, uid string) (string, error) {
	now := time.Now()
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims{
		TV: s.tokenVersion(ctx, uid),
		RegisteredClaims: jwt.RegisteredClaims{
			ID:        uuid.NewString(),
			Subject:   uid,
			IssuedAt:  jwt.NewNumericDate(now),
			ExpiresAt: jwt.NewNumericDate(now.Add(accessTTL)),
		},
	}).SignedString(s.key)
}

func (s *service) parse(raw string) (*claims, error) {
	c := &claims{}
	_, err := jwt.ParseWithClaims(raw, c, func(*jwt.Token) (any, error) { return s.key, nil },
		jwt.WithValidMethods([]string{"HS256"}), jwt.WithExpirationRequired())
	return c, err
}

func digest(raw string) string {
	sum := sha256.Sum256([]byte(raw))
	return hex.EncodeToString(sum[:])
}

func newRefreshValue() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// storeRefresh records refresh token -> user id in redis, and remembers the
// key in the user's set so that all of them can be dropped at once.
func (s *service) storeRefresh(ctx context.Context, uid string) (string, error) {
	raw := newRefreshValue()
	key := "rt:" + digest(raw)
	_, err := s.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		p.Set(ctx, key, uid, refreshTTL)
		p.SAdd(ctx, "rts:"+uid, key)
		p.Expire(ctx, "rts:"+uid, refreshTTL)
		return nil
	})
	return raw, err
}

func (s *service) dropAllRefresh(ctx context.Context, uid string) error {
	keys, err := s.rdb.SMembers(ctx, "rts:"+uid).Result()
	if err != nil {
		return err
	}
	keys = append(keys, "rts:"+uid)
	return s.rdb.Del(ctx, keys...).Err()
}

func userKey(id int64) string { return strconv.FormatInt(id, 10) }

func denyKey(jti string) string { return fmt.Sprintf("deny:%s", jti) }
