module github.com/tinytea/shopfront

go 1.22

require (
	github.com/gorilla/csrf v1.7.2
	github.com/gorilla/sessions v1.2.2
	github.com/jackc/pgx/v5 v5.5.5
	github.com/stripe/stripe-go/v76 v76.25.0
	golang.org/x/crypto v0.23.0
)
