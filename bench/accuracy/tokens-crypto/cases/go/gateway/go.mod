module example.com/gateway

go 1.22

require (
	github.com/go-chi/chi/v5 v5.0.12
	github.com/lestrrat-go/jwx/v2 v2.0.21
)
