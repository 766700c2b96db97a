module github.com/sensorgrid/iothub

go 1.22

require (
	github.com/go-chi/chi/v5 v5.0.12
	github.com/golang-jwt/jwt/v5 v5.2.1
	github.com/gorilla/sessions v1.2.2
	github.com/jackc/pgx/v5 v5.5.5
	github.com/rbcervilla/redisstore/v9 v9.0.0
	github.com/redis/go-redis/v9 v9.5.1
	golang.org/x/crypto v0.23.0
)
