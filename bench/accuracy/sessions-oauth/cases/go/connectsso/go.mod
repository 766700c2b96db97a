module github.com/connectsso/portal

go 1.22

require (
	github.com/gorilla/sessions v1.2.2
	github.com/justinas/nosurf v1.1.1
	github.com/rbcervilla/redisstore/v9 v9.0.0
	github.com/redis/go-redis/v9 v9.5.1
	golang.org/x/oauth2 v0.21.0
)

require (
	cloud.google.com/go/compute/metadata v0.3.0 // indirect
	github.com/cespare/xxhash/v2 v2.2.0 // indirect
	github.com/dgryski/go-rendezvous v0.0.0-20200823014737-9f7001d12a5f // indirect
	github.com/gorilla/securecookie v1.1.2 // indirect
)
