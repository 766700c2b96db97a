package main

import (
	"context"
	"database/sql"
	"net/http"
	"os"

	log "github.com/sirupsen/logrus"
	"go.uber.org/zap"

	"github.com/arenahq/arena/accounts"
	"github.com/arenahq/arena/server"
	"github.com/arenahq/arena/tokens"
)

func main() {
	ctx := context.Background()
	db, err := sql.Open("pgx", os.Getenv("DATABASE_URL"))
	if err != nil {
		log.Fatal(err)
	}
	players, err := tokens.NewPlayerVerifier(ctx)
	if err != nil {
		log.Fatal(err)
	}
	zl, _ := zap.NewProduction()
	srv := &server.Server{
		Players:  players,
		Accounts: accounts.NewRepo(db),
		Zap:      zl,
		Vendor: server.VendorConfig{
			AntiCheatClientID:     os.Getenv("ANTICHEAT_CLIENT_ID"),
			AntiCheatClientSecret: os.Getenv("ANTICHEAT_CLIENT_SECRET"),
			StreamKey:             os.Getenv("STREAM_KEY"),
		},
	}
	ops := server.AdminToken(os.Getenv("OPS_TOKEN"))

	mux := http.NewServeMux()
	mux.HandleFunc("POST /teams/{team}/disqualify", srv.DisqualifyTeam)
	mux.HandleFunc("POST /matches/{match}/score", srv.AdjustScore)
	mux.HandleFunc("POST /chat/{team}", srv.TeamChat)
	mux.HandleFunc("POST /rosters", srv.SubmitRoster)
	mux.HandleFunc("GET /stats", srv.PlayerStats)
	mux.HandleFunc("DELETE /replays/{owner}/{id}", srv.DeleteReplay)
	mux.HandleFunc("GET /bracket", srv.BracketPage)
	mux.HandleFunc("POST /banners", srv.UploadBanner)
	mux.Handle("GET /ops/integrations", ops(http.HandlerFunc(srv.IntegrationStatus)))
	mux.HandleFunc("GET /stream/setup", srv.StreamSetup)
	log.WithField("addr", ":9000").Info("arena api listening")
	log.Fatal(http.ListenAndServe(":9000", mux))
}
