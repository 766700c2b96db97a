package main

import (
	"crypto/rand"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/gorilla/csrf"
)

func TestCartAddRequiresCSRFToken(t *testing.T) {
	testKey := make([]byte, 32)
	if _, err := rand.Read(testKey); err != nil {
		t.Fatal(err)
	}
	s := &shop{store: newCookieStore()}
	h := csrf.Protect(testKey, csrf.Secure(false))(routes(s))

	form := url.Values{"sku": {"OOLONG-100"}}
	req := httptest.NewRequest(http.MethodPost, "/cart/add", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)

	if rec.Code != http.StatusForbidden {
		t.Fatalf("expected 403 without a token, got %d", rec.Code)
	}
}
