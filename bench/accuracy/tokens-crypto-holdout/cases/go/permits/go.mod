module example.com/permits

go 1.22

require (
	github.com/golang-jwt/jwt/v5 v5.2.1
	golang.org/x/crypto v0.24.0
)
