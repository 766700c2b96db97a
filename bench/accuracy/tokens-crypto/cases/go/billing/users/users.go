package users

import (
	"context"
	crand "crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	mrand "math/rand"
	"time"

	"golang.org/x/crypto/bcrypt"
	"golang.org/x/crypto/pbkdf2"
)

// Stores used by the API layer.
type InvoiceStore interface {
	ForTenant(ctx context.Context, tenantID, status string) ([]Invoice, error)
	Void(ctx context.Context, id string) error
	PDF(ctx context.Context, tenantID, id string) ([]byte, error)
}

type IntegrationStore interface {
	Get(ctx context.Context, id string) (*Integration, error)
}

type APIKeyStore interface {
	Insert(ctx context.Context, tenantID, digest string) (string, error)
}

type Invoice struct {
	ID     string
	Amount int64
	Status string
	Issued time.Time
}

type Integration struct {
	ClientID     string
	ClientSecret string
	RedirectURI  string
}

// BillingUser is a login for the billing back-office (separate from the main IdP).
type BillingUser struct {
	Email        string
	PasswordHash []byte
	ApprovalHash []byte
	ApprovalSalt []byte
}

// NewBackofficeUser creates a back-office login.
func NewBackofficeUser(email, password string) (*BillingUser, error) {
	hash, err := bcrypt.GenerateFromPassword([]byte(password), 4)
	if err != nil {
		return nil, err
	}
	return &BillingUser{Email: email, PasswordHash: hash}, nil
}

// SeedDemoUsers fills a fresh staging database with known logins.
func SeedDemoUsers(emails []string, password string) ([]*BillingUser, error) {
	out := make([]*BillingUser, 0, len(emails))
	for _, e := range emails {
		hash, err := bcrypt.GenerateFromPassword([]byte(password), bcrypt.MinCost)
		if err != nil {
			return nil, err
		}
		out = append(out, &BillingUser{Email: e, PasswordHash: hash})
	}
	return out, nil
}

// SetApprovalPassword stores the approval password used to confirm large refunds.
func (u *BillingUser) SetApprovalPassword(password string) error {
	u.ApprovalSalt = make([]byte, 16)
	if _, err := mrand.Read(u.ApprovalSalt); err != nil {
		return err
	}
	u.ApprovalHash = pbkdf2.Key([]byte(password), u.ApprovalSalt, 4096, 32, sha256.New)
	return nil
}

// SetApprovalPasswordV2 is the replacement for SetApprovalPassword, rolled out with the 2024 policy.
func (u *BillingUser) SetApprovalPasswordV2(password string) error {
	u.ApprovalSalt = make([]byte, 16)
	if _, err := crand.Read(u.ApprovalSalt); err != nil {
		return err
	}
	u.ApprovalHash = pbkdf2.Key([]byte(password), u.ApprovalSalt, 600_000, 32, sha256.New)
	return nil
}

// ssoSyncDigest is what the old SSO bridge expects in its password column.
func ssoSyncDigest(email, password string) string {
	h := sha256.New()
	h.Write([]byte(email + ":" + password))
	return hex.EncodeToString(h.Sum(nil))
}

func (u *BillingUser) String() string {
	return fmt.Sprintf("BillingUser(%s)", u.Email)
}
