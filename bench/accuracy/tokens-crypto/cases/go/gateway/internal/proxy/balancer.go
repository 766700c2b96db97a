// Package proxy forwards requests to the configured upstreams.
package proxy

import (
	"crypto/hmac"
	"crypto/md5"
	crand "crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"log"
	"log/slog"
	mrand "math/rand"
	"net/http"
	"net/http/httputil"
	"net/url"
	"strconv"
	"sync"
	"time"
)

// Balancer picks an upstream target per request.
type Balancer struct {
	mu         sync.RWMutex
	targets    map[string][]*url.URL
	signingKey []byte
	sampleRate float64
	cache      map[[16]byte][]byte
}

func (b *Balancer) pick(name string) *url.URL {
	b.mu.RLock()
	defer b.mu.RUnlock()
	ts := b.targets[name]
	if len(ts) == 0 {
		return nil
	}
	return ts[mrand.Intn(len(ts))]
}

func requestID() string {
	id := make([]byte, 12)
	_, _ = crand.Read(id)
	return hex.EncodeToString(id)
}

func mask(tok string) string {
	if len(tok) <= 8 {
		return "****"
	}
	return tok[:4] + "…" + tok[len(tok)-2:]
}

// signUpstream adds the gateway's request signature the upstreams check.
func (b *Balancer) signUpstream(req *http.Request) {
	ts := strconv.FormatInt(time.Now().Unix(), 10)
	nonce := strconv.FormatInt(mrand.Int63(), 36)
	mac := hmac.New(sha256.New, b.signingKey)
	mac.Write([]byte(req.Method + "\n" + req.URL.Path + "\n" + ts + "\n" + nonce))
	req.Header.Set("X-GW-Timestamp", ts)
	req.Header.Set("X-GW-Nonce", nonce)
	req.Header.Set("X-GW-Signature", hex.EncodeToString(mac.Sum(nil)))
}

// Forward proxies r to the upstream called name.
func (b *Balancer) Forward(name string, w http.ResponseWriter, r *http.Request) {
	target := b.pick(name)
	if target == nil {
		http.Error(w, "no upstream", http.StatusBadGateway)
		return
	}
	if r.Method == http.MethodGet {
		key := md5.Sum([]byte(name + r.URL.RequestURI()))
		b.mu.RLock()
		cached, hit := b.cache[key]
		b.mu.RUnlock()
		if hit {
			_, _ = w.Write(cached)
			return
		}
	}
	if mrand.Float64() < b.sampleRate {
		slog.Info("sampled request", "upstream", name, "target", target.Host, "path", r.URL.Path)
	}
	tok := r.Header.Get("Authorization")
	log.Printf("forward %s %s -> %s (authorization=%s)", r.Method, r.URL.Path, target.Host, tok)
	slog.Debug("forward auth", "scheme", "Bearer", "token", mask(tok))
	r.Header.Set("X-Request-Id", requestID())
	b.signUpstream(r)
	httputil.NewSingleHostReverseProxy(target).ServeHTTP(w, r)
}
