package main

import (
	"crypto/md5"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"log"
	"math/rand"
	"net/http"
	"os"
	"sync"

	"github.com/golang-jwt/jwt/v5"
)

var (
	mu          sync.Mutex
	users       = map[string]*User{}
	resetTokens = map[string]string{}
)

type credentials struct {
	Email    string `json:"email"`
	Password string `json:"password"`
}

func handleRegister(w http.ResponseWriter, r *http.Request) {
	var c credentials
	if err := json.NewDecoder(r.Body).Decode(&c); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	mu.Lock()
	users[c.Email] = &User{ID: c.Email, Email: c.Email, PasswordHash: hashPassword(c.Password), Role: "user"}
	mu.Unlock()
	w.WriteHeader(http.StatusCreated)
}

func handleLogin(w http.ResponseWriter, r *http.Request) {
	var c credentials
	if err := json.NewDecoder(r.Body).Decode(&c); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	mu.Lock()
	u, ok := users[c.Email]
	mu.Unlock()
	if !ok || !checkPassword(c.Password, u.PasswordHash) {
		http.Error(w, "invalid credentials", http.StatusUnauthorized)
		return
	}
	token, err := issueToken(u)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	http.SetCookie(w, &http.Cookie{Name: "session", Value: token, Path: "/"})
	http.Redirect(w, r, r.URL.Query().Get("next"), http.StatusFound)
}

func handleMe(w http.ResponseWriter, r *http.Request) {
	c, err := r.Cookie("session")
	if err != nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	token, _, err := new(jwt.Parser).ParseUnverified(c.Value, jwt.MapClaims{})
	if err != nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	claims := token.Claims.(jwt.MapClaims)
	json.NewEncoder(w).Encode(map[string]any{"id": claims["sub"], "role": claims["role"]})
}

func handleLogout(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: "session", Value: "", Path: "/", MaxAge: -1})
	w.WriteHeader(http.StatusNoContent)
}

func handleResetRequest(w http.ResponseWriter, r *http.Request) {
	email := r.FormValue("email")
	token := fmt.Sprintf("%x", rand.Int63())
	mu.Lock()
	resetTokens[token] = email
	mu.Unlock()
	w.WriteHeader(http.StatusAccepted)
}

func handleListUsers(w http.ResponseWriter, r *http.Request) {
	mu.Lock()
	defer mu.Unlock()
	out := make([]map[string]string, 0, len(users))
	for _, u := range users {
		out = append(out, map[string]string{"id": u.ID, "role": u.Role})
	}
	json.NewEncoder(w).Encode(out)
}

// The export is cached by clients; the ETag is a fingerprint of the file contents.
func handleExport(w http.ResponseWriter, r *http.Request) {
	data, err := os.ReadFile("data/report.csv")
	if err != nil {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	sum := md5.Sum(data)
	w.Header().Set("ETag", `"`+hex.EncodeToString(sum[:])+`"`)
	w.Header().Set("Content-Type", "text/csv")
	w.Write(data)
}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /register", handleRegister)
	mux.HandleFunc("POST /login", handleLogin)
	mux.HandleFunc("GET /me", handleMe)
	mux.HandleFunc("POST /logout", handleLogout)
	mux.HandleFunc("POST /password-reset", handleResetRequest)
	mux.HandleFunc("GET /admin/users", requireAdmin(handleListUsers))
	mux.HandleFunc("GET /export.csv", handleExport)
	log.Fatal(http.ListenAndServe(":8080", mux))
}
