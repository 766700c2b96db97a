module ledger.example/web

go 1.25

require (
	github.com/alexedwards/scs/redisstore v0.0.0-20250417082927-ab20b3feb5e9
	github.com/alexedwards/scs/v2 v2.9.0
	github.com/gomodule/redigo v1.9.2
	github.com/jackc/pgx/v5 v5.7.2
	golang.org/x/crypto v0.38.0
	golang.org/x/oauth2 v0.30.0
)
