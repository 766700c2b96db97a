module example.com/accounts

go 1.22

require (
	github.com/golang-jwt/jwt/v4 v4.5.0
	github.com/golang-jwt/jwt/v5 v5.2.1
	golang.org/x/crypto v0.21.0
)
