module git.internal.example/tools/wiki

go 1.21

require (
	github.com/antonlindstrom/pgstore v0.0.0-20220421113606-e3a6e3fed12a
	github.com/gorilla/sessions v1.2.2
	github.com/lib/pq v1.10.9
	golang.org/x/crypto v0.23.0
)

require github.com/gorilla/securecookie v1.1.2 // indirect
