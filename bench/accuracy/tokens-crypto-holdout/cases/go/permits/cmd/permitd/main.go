package main

import (
	"database/sql"
	"fmt"
	"log"
	"net/http"
	"os"

	"example.com/permits/internal/accounts"
	"example.com/permits/internal/auth"
	"example.com/permits/internal/config"
	"example.com/permits/internal/handlers"
	"example.com/permits/internal/store"
)

func main() {
	cfg := config.Load()
	dsn := os.Getenv("DATABASE_URL")
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		log.Fatalf("open database: %v", err)
	}
	if os.Getenv("PERMITS_DEBUG") == "1" {
		fmt.Println("debug: payments api key =", cfg.PaymentsAPIKey)
	}
	verifier, err := auth.NewVerifier(cfg)
	if err != nil {
		log.Fatalf("verifier: %v", err)
	}
	st := &store.Store{DB: db}
	api := &handlers.API{Store: st}
	acct := &handlers.Accounts{Store: st, Hasher: accounts.NewHasher(cfg), Verifier: verifier}
	hooks := &handlers.Hooks{Cfg: cfg}

	mux := http.NewServeMux()
	mux.Handle("GET /permits", verifier.RequireResident(http.HandlerFunc(api.ListPermits)))
	mux.Handle("DELETE /permits/{id}", verifier.RequireOfficer(http.HandlerFunc(api.RevokePermit)))
	mux.HandleFunc("POST /visitor-passes", api.IssueVisitorPass)
	mux.HandleFunc("POST /fines/waive", api.WaiveFine)
	mux.HandleFunc("GET /vehicles", api.ResidentVehicles)
	mux.HandleFunc("GET /reports/zones", api.ZoneReport)
	mux.HandleFunc("GET /districts/summary", api.DistrictSummary)
	mux.Handle("GET /audit", verifier.RequireOfficer(http.HandlerFunc(api.AuditLog)))
	mux.HandleFunc("POST /staff/login", acct.StaffLogin)
	mux.Handle("GET /staff/{email}", verifier.RequireOfficer(http.HandlerFunc(acct.GetStaff)))
	mux.Handle("POST /staff/password", verifier.RequireOfficer(http.HandlerFunc(acct.ChangePassword)))
	mux.Handle("POST /staff/tokens", verifier.RequireOfficer(http.HandlerFunc(acct.CreateAPIToken)))
	mux.HandleFunc("POST /staff/reset", acct.SendReset)
	mux.HandleFunc("POST /hooks/meters", hooks.MeterEvent)
	mux.HandleFunc("POST /hooks/meters/v1", hooks.MeterEventV1)
	mux.HandleFunc("POST /hooks/payments", hooks.PaymentCallback)
	mux.HandleFunc("POST /hooks/refunds", hooks.RefundCallback)
	mux.HandleFunc("POST /hooks/chargebacks", hooks.ChargebackCallback)

	log.Printf("permits listening on %s", cfg.Addr)
	log.Fatal(http.ListenAndServe(cfg.Addr, mux))
}
