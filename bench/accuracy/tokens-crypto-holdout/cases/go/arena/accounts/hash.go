// Package accounts stores player credentials and sessions.
package accounts

import (
	"context"
	"crypto/md5"
	"crypto/rand"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"net/http"

	log "github.com/sirupsen/logrus"
	"golang.org/x/crypto/argon2"
	"golang.org/x/crypto/bcrypt"
	"golang.org/x/crypto/pbkdf2"
)

type Account struct {
	ID           string
	Email        string
	Role         string
	PasswordHash string
}

type Repo struct {
	DB              *sql.DB
	PBKDF2Rounds    int
	BcryptCost      int
	CoachBcryptCost int
}

func NewRepo(db *sql.DB) *Repo {
	return &Repo{DB: db, PBKDF2Rounds: 20000, BcryptCost: bcrypt.DefaultCost, CoachBcryptCost: bcrypt.MinCost}
}

// HashPlayerPassword is used at registration.
func (r *Repo) HashPlayerPassword(password string) (string, error) {
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	key := argon2.IDKey([]byte(password), salt, 2, 19456, 1, 32)
	return "argon2id$" + base64.RawStdEncoding.EncodeToString(salt) + "$" + base64.RawStdEncoding.EncodeToString(key), nil
}

func (r *Repo) HashStaffPassword(password string) ([]byte, error) {
	return bcrypt.GenerateFromPassword([]byte(password), r.BcryptCost)
}

func (r *Repo) HashCoachPassword(password string) ([]byte, error) {
	return bcrypt.GenerateFromPassword([]byte(password), r.CoachBcryptCost)
}

// Imported from the old community site.
func (r *Repo) CommunityHash(password string, salt []byte) []byte {
	return pbkdf2.Key([]byte(password), salt, r.PBKDF2Rounds, 32, sha512.New)
}

func LegacyForumHash(password string) string {
	sum := sha1.Sum([]byte(password))
	return hex.EncodeToString(sum[:])
}

func LauncherPasswordHash(password, salt string) string {
	h := sha256.New()
	h.Write([]byte(salt))
	h.Write([]byte(password))
	return hex.EncodeToString(h.Sum(nil))
}

func TeamAvatarKey(teamName string) string {
	sum := md5.Sum([]byte(teamName))
	return "avatars/" + hex.EncodeToString(sum[:]) + ".png"
}

func SessionLookupKey(sessionToken string) string {
	sum := sha256.Sum256([]byte(sessionToken))
	return hex.EncodeToString(sum[:])
}

func DemoChecksum(demo []byte) string {
	sum := sha1.Sum(demo)
	return hex.EncodeToString(sum[:])
}

func (r *Repo) BySession(ctx context.Context, req *http.Request) (*Account, error) {
	c, err := req.Cookie("arena_session")
	if err != nil {
		return nil, errors.New("no session")
	}
	a := &Account{}
	err = r.DB.QueryRowContext(ctx, "SELECT a.id, a.email, a.role, a.password_hash FROM sessions s JOIN accounts a ON a.id = s.account_id WHERE s.lookup = $1", SessionLookupKey(c.Value)).Scan(&a.ID, &a.Email, &a.Role, &a.PasswordHash)
	if err != nil {
		log.WithError(err).WithField("session_lookup", SessionLookupKey(c.Value)[:8]).Warn("session lookup failed")
		return nil, err
	}
	return a, nil
}

func (r *Repo) Login(ctx context.Context, email, password string) (*Account, error) {
	a := &Account{}
	err := r.DB.QueryRowContext(ctx, "SELECT id, email, role, password_hash FROM accounts WHERE email = $1", email).Scan(&a.ID, &a.Email, &a.Role, &a.PasswordHash)
	if err != nil {
		return nil, err
	}
	if err := bcrypt.CompareHashAndPassword([]byte(a.PasswordHash), []byte(password)); err != nil {
		log.WithFields(log.Fields{"account": a.ID, "has_password": a.PasswordHash != ""}).Info("invalid password")
		return nil, errors.New("invalid password")
	}
	return a, nil
}

func (r *Repo) ImportCheck(a *Account) error {
	if a.PasswordHash == "" {
		return errors.New("account has no password")
	}
	if len(a.PasswordHash) < 20 {
		return errors.New("suspicious hash for account " + a.ID + ": " + a.PasswordHash)
	}
	return nil
}
