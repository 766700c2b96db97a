module github.com/northclinic/patient-portal

go 1.22

require (
	github.com/alexedwards/scs/postgresstore v0.0.0-20240316134038-7e11d57e8885
	github.com/alexedwards/scs/v2 v2.8.0
	github.com/go-chi/chi/v5 v5.0.12
	github.com/justinas/nosurf v1.1.1
	github.com/lib/pq v1.10.9
	golang.org/x/crypto v0.23.0
	golang.org/x/oauth2 v0.21.0
)
