package main

import (
	"net/http"
	"net/http/httputil"
	"net/url"
	"os"

	"golang.org/x/oauth2"
)

// proxy forwards /api/ calls to the upstream API with the user's token from
// the server-side session; the browser never sees it.
func (g *gateway) proxy() http.Handler {
	upstream, err := url.Parse(os.Getenv("BFF_UPSTREAM_API"))
	if err != nil {
		panic(err)
	}
	rp := httputil.NewSingleHostReverseProxy(upstream)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tok, ok := g.sm.Get(r.Context(), "idp_token").(*oauth2.Token)
		if !ok || !tok.Valid() {
			http.Error(w, "not signed in", http.StatusUnauthorized)
			return
		}
		r.Header.Del("Cookie")
		tok.SetAuthHeader(r)
		rp.ServeHTTP(w, r)
	})
}
