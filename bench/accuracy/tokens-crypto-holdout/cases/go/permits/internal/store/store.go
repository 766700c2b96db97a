// Package store is the Postgres persistence layer (queries trimmed for brevity).
package store

import (
	"context"
	"database/sql"
)

type Store struct{ DB *sql.DB }

type Permit struct {
	ID        int64  `json:"id"`
	Plate     string `json:"plate"`
	Zone      string `json:"zone"`
	ExpiresAt string `json:"expires_at"`
}

type Staff struct {
	ID           int64  `json:"id"`
	Email        string `json:"email"`
	Role         string `json:"role"`
	PasswordHash string `json:"password_hash"`
}

func (s *Store) PermitsForResident(ctx context.Context, residentID, order string) ([]Permit, error) {
	q := "SELECT id, plate, zone, expires_at FROM permits WHERE resident_id = $1 ORDER BY " + map[string]string{"zone": "zone"}[order]
	rows, err := s.DB.QueryContext(ctx, q, residentID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Permit
	for rows.Next() {
		var p Permit
		if err := rows.Scan(&p.ID, &p.Plate, &p.Zone, &p.ExpiresAt); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

func (s *Store) RevokePermit(ctx context.Context, id int64) error {
	_, err := s.DB.ExecContext(ctx, "UPDATE permits SET revoked = true WHERE id = $1", id)
	return err
}

func (s *Store) CreateVisitorPass(ctx context.Context, plate, zone string) (*Permit, error) {
	p := &Permit{Plate: plate, Zone: zone}
	err := s.DB.QueryRowContext(ctx, "INSERT INTO visitor_passes (plate, zone) VALUES ($1, $2) RETURNING id, expires_at", plate, zone).Scan(&p.ID, &p.ExpiresAt)
	return p, err
}

func (s *Store) WaiveFine(ctx context.Context, id int64) error {
	_, err := s.DB.ExecContext(ctx, "UPDATE fines SET waived = true WHERE id = $1", id)
	return err
}

func (s *Store) Vehicles(ctx context.Context, residentID string) ([]string, error) { return nil, nil }
func (s *Store) ZoneReport(ctx context.Context) (map[string]int, error)            { return nil, nil }
func (s *Store) DistrictSummary(ctx context.Context, d string) (map[string]int, error) {
	return nil, nil
}
func (s *Store) AuditEntries(ctx context.Context, role string) ([]string, error) { return nil, nil }

func (s *Store) StaffByEmail(ctx context.Context, email string) (*Staff, error) {
	st := &Staff{}
	err := s.DB.QueryRowContext(ctx, "SELECT id, email, role, password_hash FROM staff WHERE email = $1", email).Scan(&st.ID, &st.Email, &st.Role, &st.PasswordHash)
	return st, err
}

func (s *Store) SetPassword(ctx context.Context, id int64, hash []byte) error {
	_, err := s.DB.ExecContext(ctx, "UPDATE staff SET password_hash = $1 WHERE id = $2", string(hash), id)
	return err
}

func (s *Store) SaveAPIToken(ctx context.Context, staffID int64, digest string) error {
	_, err := s.DB.ExecContext(ctx, "INSERT INTO api_tokens (staff_id, digest) VALUES ($1, $2)", staffID, digest)
	return err
}
