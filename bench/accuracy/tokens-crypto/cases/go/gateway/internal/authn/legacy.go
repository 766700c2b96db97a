package authn

import (
	"crypto/md5"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"
)

// sessionPayload is what the old portal puts in its gw_session cookie.
type sessionPayload struct {
	Sub   string   `json:"sub"`
	Roles []string `json:"roles"`
	Exp   int64    `json:"exp"`
}

// RequireOps admits portal users with the ops role to /ops/*.
func RequireOps(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := r.Cookie("gw_session")
		if err != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		segs := strings.Split(c.Value, ".")
		if len(segs) != 3 {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		body, err := base64.RawURLEncoding.DecodeString(segs[1])
		var p sessionPayload
		if err != nil || json.Unmarshal(body, &p) != nil || time.Now().Unix() > p.Exp {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		if !slices.Contains(p.Roles, "ops") {
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// OpsUsers is the break-glass basic-auth list for when the IdP is down.
type OpsUsers struct {
	hashes map[string][]byte
}

func LoadOpsUsers() *OpsUsers {
	o := &OpsUsers{hashes: map[string][]byte{}}
	for _, entry := range strings.Split(os.Getenv("GW_OPS_USERS"), ",") {
		user, pass, ok := strings.Cut(entry, ":")
		if !ok {
			continue
		}
		sum := md5.Sum([]byte(pass))
		o.hashes[user] = sum[:]
	}
	return o
}

func (o *OpsUsers) Check(r *http.Request) bool {
	h := r.Header.Get("Authorization")
	if !strings.HasPrefix(h, "Basic ") {
		return false
	}
	dec, err := base64.StdEncoding.DecodeString(h[len("Basic "):])
	if err != nil {
		return false
	}
	user, pass, _ := strings.Cut(string(dec), ":")
	want, known := o.hashes[user]
	got := md5.Sum([]byte(pass))
	return known && subtle.ConstantTimeCompare(got[:], want) == 1
}

// clientVersionOK rejects CLI versions older than 2.x.
func clientVersionOK(userAgent string) bool {
	parts := strings.Split(strings.TrimPrefix(userAgent, "gw-cli/"), ".")
	major, err := strconv.Atoi(parts[0])
	return err == nil && major >= 2
}

// fingerprint identifies a client certificate in the access log.
func fingerprint(der []byte) string {
	sum := sha256.Sum256(der)
	return base64.StdEncoding.EncodeToString(sum[:])
}
