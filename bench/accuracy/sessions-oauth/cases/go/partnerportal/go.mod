module gitlab.example.com/channel/partnerportal

go 1.21

require (
	github.com/gin-contrib/sessions v0.0.5
	github.com/gin-gonic/gin v1.9.1
	github.com/jackc/pgx/v5 v5.5.5
	golang.org/x/crypto v0.23.0
	golang.org/x/oauth2 v0.21.0
)
