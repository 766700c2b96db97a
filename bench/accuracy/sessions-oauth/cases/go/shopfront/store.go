package main

import (
	"encoding/base64"
	"os"

	"github.com/gorilla/sessions"
	"github.com/jackc/pgx/v5/pgxpool"
)

const sessionName = "tinytea"

type shop struct {
	db    *pgxpool.Pool
	store *sessions.CookieStore
}

// newCookieStore keeps the whole session (customer id, cart) in an encrypted
// cookie; nothing is stored server-side.
func newCookieStore() *sessions.CookieStore {
	hashKey, _ := base64.StdEncoding.DecodeString(os.Getenv("SHOP_COOKIE_HASH_KEY"))
	blockKey, _ := base64.StdEncoding.DecodeString(os.Getenv("SHOP_COOKIE_BLOCK_KEY"))
	cs := sessions.NewCookieStore(hashKey, blockKey)
	cs.Options = &sessions.Options{
		Path:     "/",
		MaxAge:   14 * 24 * 3600,
		HttpOnly: true,
		Secure:   true,
	}
	return cs
}
