module github.com/northwind-labs/bookclub

go 1.22

require (
	github.com/gorilla/csrf v1.7.2
	github.com/gorilla/handlers v1.5.2
	github.com/gorilla/mux v1.8.1
	github.com/gorilla/sessions v1.2.2
	github.com/lib/pq v1.10.9
	golang.org/x/crypto v0.23.0
)

require (
	github.com/felixge/httpsnoop v1.0.3 // indirect
	github.com/gorilla/securecookie v1.1.2 // indirect
	github.com/pkg/errors v0.9.1 // indirect
)
