package tokens

import (
	"context"
	"errors"
	"net/http"

	"github.com/lestrrat-go/jwx/v2/jwa"
	"github.com/lestrrat-go/jwx/v2/jwk"
	jwxt "github.com/lestrrat-go/jwx/v2/jwt"
)

type Player struct {
	ID    string
	Team  string
	Roles []string
}

type PlayerVerifier struct {
	keys jwk.Set
}

func NewPlayerVerifier(ctx context.Context) (*PlayerVerifier, error) {
	cache := jwk.NewCache(ctx)
	if err := cache.Register(JWKSURL); err != nil {
		return nil, err
	}
	set, err := cache.Refresh(ctx, JWKSURL)
	if err != nil {
		return nil, err
	}
	return &PlayerVerifier{keys: set}, nil
}

func playerFrom(tok jwxt.Token) *Player {
	p := &Player{ID: tok.Subject()}
	if team, ok := tok.Get("team"); ok {
		p.Team, _ = team.(string)
	}
	if roles, ok := tok.Get("roles"); ok {
		for _, r := range roles.([]interface{}) {
			p.Roles = append(p.Roles, r.(string))
		}
	}
	return p
}

// Verify checks a player token against the account service's JWKS.
func (v *PlayerVerifier) Verify(raw string) (*Player, error) {
	tok, err := jwxt.ParseString(raw, jwxt.WithKeySet(v.keys), jwxt.WithIssuer(Issuer), jwxt.WithAudience(Audience), jwxt.WithAcceptableSkew(AllowedSkew))
	if err != nil {
		return nil, err
	}
	return playerFrom(tok), nil
}

// FromRequest is used by the spectator overlay, which only displays the team badge.
func (v *PlayerVerifier) FromRequest(r *http.Request) (*Player, error) {
	tok, err := jwxt.ParseRequest(r, jwxt.WithHeaderKey("Authorization"), jwxt.WithVerify(false))
	if err != nil {
		return nil, err
	}
	return playerFrom(tok), nil
}

// MatchServer verifies HS256 tokens minted by our dedicated game servers.
func MatchServer(raw []byte) (*Player, error) {
	tok, err := jwxt.Parse(raw, jwxt.WithKey(jwa.HS256, MatchKey), jwxt.WithIssuer("match-servers"))
	if err != nil {
		return nil, err
	}
	return playerFrom(tok), nil
}

// LANClient reads tokens issued by LAN tournament laptops (offline, no keys distributed).
func LANClient(raw []byte) (*Player, error) {
	tok, err := jwxt.Parse(raw)
	if err != nil {
		return nil, err
	}
	if tok.Subject() == "" {
		return nil, errors.New("missing subject")
	}
	return playerFrom(tok), nil
}

// ReplayUploader identifies who uploaded a replay file.
func ReplayUploader(raw []byte) (string, error) {
	tok, err := jwxt.ParseInsecure(raw)
	if err != nil {
		return "", err
	}
	return tok.Subject(), nil
}
