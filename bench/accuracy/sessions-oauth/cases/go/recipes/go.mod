module codeberg.org/kitchenlab/recipes

go 1.22

require (
	github.com/alexedwards/scs/pgxstore v0.0.0-20240316134038-7e11d57e8885
	github.com/alexedwards/scs/v2 v2.8.0
	github.com/go-chi/chi/v5 v5.0.12
	github.com/gorilla/csrf v1.7.2
	github.com/jackc/pgx/v5 v5.5.5
	golang.org/x/crypto v0.23.0
)
