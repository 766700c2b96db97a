module github.com/hopsyard/brewlog

go 1.22

require (
	github.com/coreos/go-oidc/v3 v3.11.0
	github.com/golang-migrate/migrate/v4 v4.18.1
	github.com/gorilla/sessions v1.2.2
	github.com/jackc/pgx/v5 v5.7.1
	golang.org/x/crypto v0.31.0
	golang.org/x/oauth2 v0.24.0
)

require (
	github.com/go-jose/go-jose/v4 v4.0.2 // indirect
	github.com/gorilla/securecookie v1.1.2 // indirect
)
