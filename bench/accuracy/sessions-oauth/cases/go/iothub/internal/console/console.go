package console

import (
	"context"
	"net/http"
	"strings"

	"github.com/go-chi/chi/v5"
	"github.com/gorilla/sessions"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/rbcervilla/redisstore/v9"
	"github.com/redis/go-redis/v9"
	"golang.org/x/crypto/bcrypt"
)

const cookie = "hub_console"

type Console struct {
	db    *pgxpool.Pool
	store *redisstore.RedisStore
}

func New(ctx context.Context, db *pgxpool.Pool, rdb *redis.Client) (*Console, error) {
	store, err := redisstore.NewRedisStore(ctx, rdb)
	if err != nil {
		return nil, err
	}
	store.KeyPrefix("hub:console:")
	// The fleet dashboard's legacy jQuery code reads the cookie to detect an
	// expired login.
	store.Options(sessions.Options{Path: "/", MaxAge: 8 * 3600, Secure: true, HttpOnly: false, SameSite: http.SameSiteLaxMode})
	return &Console{db: db, store: store}, nil
}

func (c *Console) Routes() http.Handler {
	r := chi.NewRouter()
	r.Post("/login", c.login)
	r.Post("/invite/accept", c.acceptInvite)
	r.Group(func(r chi.Router) {
		r.Use(c.requireOperator)
		r.Post("/devices/{id}/decommission", c.decommission)
		r.Post("/devices/{id}/rename", c.rename)
		r.Post("/logout", c.logout)
	})
	return r
}

func (c *Console) login(w http.ResponseWriter, r *http.Request) {
	var id, hash string
	err := c.db.QueryRow(r.Context(), `SELECT id, password_hash FROM operators WHERE email = $1`, strings.ToLower(r.PostFormValue("email"))).Scan(&id, &hash)
	if err != nil || bcrypt.CompareHashAndPassword([]byte(hash), []byte(r.PostFormValue("password"))) != nil {
		http.Error(w, "invalid credentials", http.StatusUnauthorized)
		return
	}
	sess, _ := c.store.Get(r, cookie)
	sess.Values["operator"] = id
	_ = sess.Save(r, w)
	http.Redirect(w, r, "/devices", http.StatusSeeOther)
}

func (c *Console) acceptInvite(w http.ResponseWriter, r *http.Request) {
	hash, err := bcrypt.GenerateFromPassword([]byte(r.PostFormValue("password")), 12)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	var operatorID string
	err = c.db.QueryRow(r.Context(), `UPDATE operators SET password_hash = $2, invite_token_hash = NULL WHERE invite_token_hash = encode(sha256($1::bytea), 'hex') RETURNING id`,
		r.PostFormValue("token"), string(hash)).Scan(&operatorID)
	if err != nil {
		http.Error(w, "invite expired", http.StatusGone)
		return
	}
	sess, _ := c.store.Get(r, cookie)
	sess.ID = ""
	sess.Values["operator"] = operatorID
	_ = sess.Save(r, w)
	http.Redirect(w, r, "/devices?welcome=1", http.StatusSeeOther)
}

func (c *Console) requireOperator(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sess, err := c.store.Get(r, cookie)
		if err != nil || sess.Values["operator"] == nil {
			http.Redirect(w, r, "/login", http.StatusFound)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// decommission disables a device and kills every credential it holds.
func (c *Console) decommission(w http.ResponseWriter, r *http.Request) {
	id := chi.URLParam(r, "id")
	if _, err := c.db.Exec(r.Context(), `UPDATE devices SET decommissioned = true, token_epoch = token_epoch + 1 WHERE id = $1`, id); err != nil {
		http.Error(w, "decommission failed", http.StatusInternalServerError)
		return
	}
	_, _ = c.db.Exec(r.Context(), `DELETE FROM device_refresh WHERE device_id = $1`, id)
	http.Redirect(w, r, "/devices/"+id, http.StatusSeeOther)
}

func (c *Console) rename(w http.ResponseWriter, r *http.Request) {
	_, _ = c.db.Exec(r.Context(), `UPDATE devices SET label = $2 WHERE id = $1`, chi.URLParam(r, "id"), r.PostFormValue("label"))
	http.Redirect(w, r, r.PostFormValue("back"), http.StatusSeeOther)
}

func (c *Console) logout(w http.ResponseWriter, r *http.Request) {
	sess, _ := c.store.Get(r, cookie)
	sess.Options.MaxAge = -1
	_ = sess.Save(r, w)
	http.Redirect(w, r, "/login", http.StatusSeeOther)
}
