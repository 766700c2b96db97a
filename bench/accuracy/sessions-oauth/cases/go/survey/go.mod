module github.com/pollster/survey

go 1.21

require (
	github.com/gin-contrib/sessions v0.0.5
	github.com/gin-gonic/gin v1.9.1
	github.com/jackc/pgx/v5 v5.5.5
)
