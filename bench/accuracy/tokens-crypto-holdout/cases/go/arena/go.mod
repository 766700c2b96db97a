module github.com/arenahq/arena

go 1.22

require (
	github.com/golang-jwt/jwt/v5 v5.2.1
	github.com/lestrrat-go/jwx/v2 v2.0.21
	github.com/sirupsen/logrus v1.9.3
	go.uber.org/zap v1.27.0
	golang.org/x/crypto v0.24.0
)
