module github.com/ledgerline/billing

go 1.21

require (
	github.com/go-chi/chi/v5 v5.0.12
	github.com/golang-jwt/jwt/v5 v5.2.1
	github.com/golang-migrate/migrate/v4 v4.17.1
	github.com/lib/pq v1.10.9
	github.com/prometheus/client_golang v1.19.0
	golang.org/x/crypto v0.23.0
)
