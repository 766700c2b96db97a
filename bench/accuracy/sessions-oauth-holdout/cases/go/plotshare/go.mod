module github.com/greenrow-coop/plotshare

go 1.22

require (
	github.com/alexedwards/scs/v2 v2.8.0
	github.com/go-chi/chi/v5 v5.1.0
	github.com/justinas/nosurf v1.1.1
	golang.org/x/crypto v0.31.0
	golang.org/x/oauth2 v0.24.0
	gorm.io/driver/postgres v1.5.9
	gorm.io/gorm v1.25.12
)
