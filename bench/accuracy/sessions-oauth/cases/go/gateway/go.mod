module github.com/orbitapp/bff-gateway

go 1.22

require (
	github.com/alexedwards/scs/redisstore v0.0.0-20240316134038-7e11d57e8885
	github.com/alexedwards/scs/v2 v2.8.0
	github.com/gomodule/redigo v1.9.2
	github.com/gorilla/csrf v1.7.2
	golang.org/x/oauth2 v0.21.0
)

require github.com/pkg/errors v0.9.1 // indirect
