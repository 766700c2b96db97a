package main

import (
	"net/http"
	"testing"
)

const installationToken = "ghs_6dqnQXjZUsiPIWp9cQiHziK4rKd9Qy3KLyXW"

const buildCommit = "96a171da20ba101b7dd35b69281d7d38014c1e62"

const requestID = "c7e3fcf1-f4c8-4856-97f0-326c492fa171"

func TestUpstreamAuth(t *testing.T) {
	upstream := "https://gateway-bot:irk4HVx2nSkuFqzvvLXM@registry.internal.example.net/v2/"
	req, _ := http.NewRequest("GET", upstream, nil)
	req.Header.Set("X-Request-ID", requestID)
	if req.URL.User == nil {
		t.Fatal("expected credentials")
	}
}
