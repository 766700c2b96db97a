package httpx

import (
	"crypto/md5"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	mrand "math/rand"
	"net/http"
	"time"
)

// ETag returns a strong validator for a response body.
func ETag(body []byte) string {
	sum := md5.Sum(body)
	return `"` + hex.EncodeToString(sum[:]) + `"`
}

// WriteCached writes body unless the client already has it.
func WriteCached(w http.ResponseWriter, r *http.Request, body []byte) {
	tag := ETag(body)
	if r.Header.Get("If-None-Match") == tag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("ETag", tag)
	w.Header().Set("Cache-Control", "private, max-age=60")
	_, _ = w.Write(body)
}

// CacheKey identifies a cacheable upstream response.
func CacheKey(method, url, accept string) string {
	h := sha256.Sum256([]byte(method + " " + url + " " + accept))
	return hex.EncodeToString(h[:16])
}

// Retry calls fn with exponential backoff and jitter.
func Retry(attempts int, base time.Duration, fn func() error) error {
	var err error
	for i := 0; i < attempts; i++ {
		if err = fn(); err == nil {
			return nil
		}
		backoff := base << i
		jitter := time.Duration(mrand.Int63n(int64(backoff)/2 + 1))
		time.Sleep(backoff + jitter)
	}
	return fmt.Errorf("after %d attempts: %w", attempts, err)
}
