package main

import (
	"net/url"
	"strings"
)

const defaultLanding = "/club/shelves"

// safeNext accepts only same-site relative paths. Anything with a scheme or
// host, or a path that a browser would read as protocol-relative, falls back
// to the landing page.
func safeNext(raw string) string {
	if raw == "" || strings.HasPrefix(raw, "//") || strings.HasPrefix(raw, "/\\") {
		return defaultLanding
	}
	u, err := url.Parse(raw)
	if err != nil || u.IsAbs() || u.Host != "" || !strings.HasPrefix(u.Path, "/") {
		return defaultLanding
	}
	return u.RequestURI()
}
