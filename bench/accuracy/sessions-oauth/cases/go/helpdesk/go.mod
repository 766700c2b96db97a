module github.com/supportly/helpdesk

go 1.22

require (
	github.com/alexedwards/scs/redisstore v0.0.0-20240316134038-7e11d57e8885
	github.com/alexedwards/scs/v2 v2.8.0
	github.com/gomodule/redigo v1.9.2
	github.com/gorilla/mux v1.8.1
	github.com/jackc/pgx/v5 v5.5.5
	golang.org/x/crypto v0.23.0
	golang.org/x/oauth2 v0.21.0
)
