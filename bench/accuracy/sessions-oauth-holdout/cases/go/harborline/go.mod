module github.com/harborline/ferrydesk

go 1.25.0

require (
	github.com/golang-jwt/jwt/v5 v5.2.1
	github.com/gorilla/csrf v1.7.2
	github.com/gorilla/mux v1.8.1
	github.com/jackc/pgx/v5 v5.7.1
	golang.org/x/crypto v0.31.0
	golang.org/x/oauth2 v0.24.0
)

require github.com/gorilla/securecookie v1.1.2 // indirect
