module github.com/fleetpulse/dispatch-api

go 1.22

require (
	github.com/gin-gonic/gin v1.10.0
	github.com/golang-jwt/jwt/v5 v5.2.1
	github.com/google/uuid v1.6.0
	github.com/redis/go-redis/v9 v9.7.0
	golang.org/x/crypto v0.31.0
	gorm.io/driver/mysql v1.5.7
	gorm.io/gorm v1.25.12
)
