// Package server wires the Arena HTTP API.
package server

import (
	"encoding/base64"
	"encoding/json"
	"net/http"
	"strings"

	jwtlib "github.com/golang-jwt/jwt/v5"
	log "github.com/sirupsen/logrus"
	"go.uber.org/zap"

	"github.com/arenahq/arena/accounts"
	"github.com/arenahq/arena/tokens"
)

type Server struct {
	Players  *tokens.PlayerVerifier
	Accounts *accounts.Repo
	Zap      *zap.Logger
	Vendor   VendorConfig
}

type VendorConfig struct {
	AntiCheatClientID     string
	AntiCheatClientSecret string
	StreamKey             string
}

func (s *Server) player(r *http.Request) (*tokens.Player, bool) {
	p, err := s.Players.Verify(strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer "))
	return p, err == nil
}

func hasRole(p *tokens.Player, role string) bool {
	for _, r := range p.Roles {
		if r == role {
			return true
		}
	}
	return false
}

func (s *Server) DisqualifyTeam(w http.ResponseWriter, r *http.Request) {
	p, ok := s.player(r)
	if !ok {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	if !hasRole(p, "tournament-admin") {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	log.WithFields(log.Fields{"team": r.PathValue("team"), "admin": p.ID}).Info("team disqualified")
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) AdjustScore(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("X-Arena-Admin") == "true" {
		log.WithField("match", r.PathValue("match")).Info("score adjusted")
		w.WriteHeader(http.StatusNoContent)
		return
	}
	http.Error(w, "forbidden", http.StatusForbidden)
}

func (s *Server) TeamChat(w http.ResponseWriter, r *http.Request) {
	// Lobby chat only needs the sender's team to pick the team-only channel.
	claims := jwtlib.MapClaims{}
	if _, _, err := jwtlib.NewParser().ParseUnverified(strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer "), claims); err != nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	if team, _ := claims["team"].(string); team != r.PathValue("team") {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	w.WriteHeader(http.StatusAccepted)
}

func (s *Server) SubmitRoster(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Team    string   `json:"team"`
		Captain bool     `json:"captain"`
		Players []string `json:"players"`
	}
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	if !body.Captain {
		http.Error(w, "only the captain can submit a roster", http.StatusForbidden)
		return
	}
	w.WriteHeader(http.StatusAccepted)
}

func (s *Server) PlayerStats(w http.ResponseWriter, r *http.Request) {
	p, ok := s.player(r)
	if !ok {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	if r.URL.Query().Get("view") == "detailed" && hasRole(p, "coach") {
		json.NewEncoder(w).Encode(map[string]string{"player": p.ID, "view": "detailed"})
		return
	}
	json.NewEncoder(w).Encode(map[string]string{"player": p.ID, "view": "summary"})
}

func (s *Server) DeleteReplay(w http.ResponseWriter, r *http.Request) {
	owner, err := tokens.ReplayUploader([]byte(strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")))
	if err != nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	if r.URL.Query().Get("as") == "moderator" || owner == r.PathValue("owner") {
		w.WriteHeader(http.StatusNoContent)
		return
	}
	http.Error(w, "forbidden", http.StatusForbidden)
}

func (s *Server) BracketPage(w http.ResponseWriter, r *http.Request) {
	region := strings.Split(r.Host, ".")[0]
	acct, err := s.Accounts.BySession(r.Context(), r)
	if err != nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	if acct.Role == "organiser" {
		json.NewEncoder(w).Encode(map[string]any{"region": region, "editable": true})
		return
	}
	json.NewEncoder(w).Encode(map[string]any{"region": region, "editable": false})
}

func (s *Server) UploadBanner(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Content-Type") != "application/json" {
		http.Error(w, "unsupported", http.StatusUnsupportedMediaType)
		return
	}
	var body struct {
		PNG string `json:"png"`
	}
	_ = json.NewDecoder(r.Body).Decode(&body)
	img, err := base64.StdEncoding.DecodeString(body.PNG)
	if err != nil || len(img) > 512*1024 {
		http.Error(w, "bad image", http.StatusBadRequest)
		return
	}
	w.WriteHeader(http.StatusCreated)
}

func (s *Server) IntegrationStatus(w http.ResponseWriter, r *http.Request) {
	p, ok := s.player(r)
	if !ok || !hasRole(p, "ops") {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	s.Zap.Info("integration status requested", zap.String("by", p.ID), zap.Int("client_secret_len", len(s.Vendor.AntiCheatClientSecret)))
	json.NewEncoder(w).Encode(map[string]string{"client_id": s.Vendor.AntiCheatClientID, "client_secret": s.Vendor.AntiCheatClientSecret})
}

func (s *Server) StreamSetup(w http.ResponseWriter, r *http.Request) {
	p, ok := s.player(r)
	if !ok || !hasRole(p, "caster") {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	s.Zap.Debug("stream setup", zap.String("caster", p.ID), zap.String("stream_key", s.Vendor.StreamKey))
	log.Infof("caster %s fetched stream settings", p.ID)
	w.WriteHeader(http.StatusNoContent)
}
