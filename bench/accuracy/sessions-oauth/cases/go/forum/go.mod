module github.com/threadline/forum

go 1.22

require (
	github.com/alexedwards/scs/mysqlstore v0.0.0-20240316134038-7e11d57e8885
	github.com/alexedwards/scs/v2 v2.8.0
	github.com/go-chi/chi/v5 v5.0.12
	github.com/go-sql-driver/mysql v1.8.1
	golang.org/x/crypto v0.23.0
)

require filippo.io/edwards25519 v1.1.0 // indirect
