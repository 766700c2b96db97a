# Templates for the SECRETS accuracy corpus; see generate.py for the markup.
# @@type:name@@ -> generated value;  %%F kind [N] | note / %%S kind [N] | note -> case marker.
FILES = []


def add(path, text):
    FILES.append((path, text))


# =====================================================================
# billing (Django)
# =====================================================================
add("billing/billing/settings.py", r'''
"""Django settings for the billing service."""
import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

%%F signing-key | Django SECRET_KEY hard-coded in settings
SECRET_KEY = "django-insecure-@@djsecret:1@@"

DEBUG = os.environ.get("DJANGO_DEBUG", "0") == "1"
ALLOWED_HOSTS = ["billing.internal", "localhost"]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "rest_framework",
    "billing.invoices",
]

%%S identifier | list of hasher class paths
PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
%%S identifier | numeric password policy, not a password
PASSWORD_MIN_LENGTH = 12
%%S identifier | CSRF cookie name
CSRF_COOKIE_NAME = "billing_csrftoken"

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "billing",
        "USER": "billing_app",
%%F generic | production DB password literal in DATABASES
        "PASSWORD": "@@pw:bill_db@@",
        "HOST": "billing-db.prod.internal",
        "PORT": "5432",
    },
    "replica": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "billing",
        "USER": "billing_ro",
%%S env-lookup | password read from the environment
        "PASSWORD": os.environ["BILLING_REPLICA_PASSWORD"],
        "HOST": "billing-db-ro.prod.internal",
        "PORT": "5432",
    },
}

%%F database-url | Redis broker URL with password
CELERY_BROKER_URL = "redis://:@@urlpw:redis1@@@billing-redis.prod.internal:6379/0"

%%F stripe-secret-key | live Stripe secret key
STRIPE_SECRET_KEY = "@@sklive:1@@"
%%S uuid-or-id | Stripe publishable key is public by design
STRIPE_PUBLISHABLE_KEY = "@@pklive:1@@"
%%F stripe-secret-key | live restricted key
STRIPE_REPORTING_KEY = "@@rklive:1@@"
%%S env-lookup | webhook secret from environment
STRIPE_WEBHOOK_SECRET = os.getenv("STRIPE_WEBHOOK_SECRET")

%%S env-lookup | AWS key id from environment
AWS_ACCESS_KEY_ID = os.environ.get("AWS_ACCESS_KEY_ID")
%%S uuid-or-id | AWS account id
AWS_ACCOUNT_ID = "@@awsacct:1@@"
AWS_STORAGE_BUCKET_NAME = "acme-billing-invoices"
''')

add("billing/billing/auth.py", r'''
import datetime
import os

import jwt


def service_token(service: str) -> str:
    now = datetime.datetime.now(datetime.timezone.utc)
    payload = {"sub": service, "iat": now, "exp": now + datetime.timedelta(minutes=5)}
%%F signing-key | string literal passed to jwt.encode
    return jwt.encode(payload, "changeme", algorithm="HS256")


def verify_partner(token: str) -> dict:
%%S env-lookup | verification key from the environment
    return jwt.decode(token, os.environ["PARTNER_JWT_SECRET"], algorithms=["HS256"])
''')

add("billing/billing/invoices/stripe_client.py", r'''
import logging
import os

import stripe

log = logging.getLogger(__name__)

%%S env-lookup | key from the environment
stripe.api_key = os.environ["STRIPE_SECRET_KEY"]

# Fallback used while migrating the nightly reconciliation job.
%%F stripe-secret-key | live key left in a comment
# stripe.api_key = "@@sklive:2@@"


def charge(customer_id: str, amount_cents: int, idempotency_key: str):
    return stripe.PaymentIntent.create(
        customer=customer_id,
        amount=amount_cents,
        currency="eur",
        idempotency_key=idempotency_key,
    )


def reporting_client():
%%F stripe-secret-key | restricted key passed as an argument
    return stripe.StripeClient("@@rklive:2@@")
''')

add("billing/tests/test_webhooks.py", r'''
import json

import pytest

from billing.invoices import webhooks

%%S placeholder | X-ed out sample key
FAKE_KEY = "sk_live_XXXXXXXXXXXXXXXXXXXXXXXX"
%%S uuid-or-id | Stripe event id
EVENT_ID = "evt_@@alnum24:ev1@@"
%%S uuid-or-id | request id (UUID)
REQUEST_ID = "@@uuid:req1@@"


@pytest.fixture
def signed_headers():
    return {
%%F jwt | bearer token pasted into a test
        "Authorization": "Bearer @@jwt_hs:billtest@@",
%%S hash | webhook signature is an HMAC digest, not a key
        "Stripe-Signature": "t=1712000000,v1=@@hex64:sig1@@",
    }


def test_webhook_rejects_bad_signature(client, signed_headers):
%%F generic | webhook signing secret literal in a test
    webhooks.configure(signing_secret="whsec_@@alnum32:wh1@@")
    resp = client.post("/webhooks/stripe", data=json.dumps({"id": EVENT_ID}), headers=signed_headers)
    assert resp.status_code == 400


def test_auth_scheme():
%%S identifier | token type literal
    token_type = "Bearer"
    assert webhooks.auth_scheme() == token_type
''')

add("billing/.env.production", r'''
# Billing service - production
DJANGO_SETTINGS_MODULE=billing.settings
%%F stripe-secret-key | live key in .env
STRIPE_SECRET_KEY=@@sklive:3@@
%%F database-url | production postgres URL with password
DATABASE_URL=postgres://billing_app:@@urlpw:pg1@@@billing-db.prod.internal:5432/billing
%%F sendgrid | SendGrid API key
SENDGRID_API_KEY=@@sg:1@@
%%S placeholder | REPLACE_ME placeholder
SENTRY_AUTH_TOKEN=REPLACE_ME
%%S uuid-or-id | GCP project id
GCP_PROJECT_ID=billing-prod-@@digits6:p1@@
%%F aws-access-key-id | AWS access key id
AWS_ACCESS_KEY_ID=@@akia:1@@
%%F aws-secret-access-key | AWS secret access key
AWS_SECRET_ACCESS_KEY=@@awssecret:1@@
AWS_DEFAULT_REGION=eu-west-1
''')

add("billing/.env.example", r'''
# Copy to .env and fill in real values. Never commit the real file.
%%S placeholder | changeme placeholder
DATABASE_PASSWORD=changeme
%%S placeholder | angle-bracket placeholder
STRIPE_SECRET_KEY=<your-stripe-secret-key>
%%S placeholder | placeholder text
SENDGRID_API_KEY=your_api_key_here
%%S placeholder | x-ed out value
AWS_SECRET_ACCESS_KEY=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
%%S local-default | well-known local dev database URL
DATABASE_URL=postgres://postgres:postgres@localhost:5432/app
''')

add("billing/fixtures/users.json", r'''
[
  {
    "model": "accounts.user",
    "pk": 1,
    "fields": {
      "username": "alice",
      "email": "alice@example.com",
%%S hash | bcrypt password hash in a fixture
      "password": "@@bcrypt:1@@",
      "is_staff": true
    }
  },
  {
    "model": "accounts.user",
    "pk": 2,
    "fields": {
      "username": "svc-reconcile",
      "email": "reconcile@example.com",
%%S hash | argon2 password hash in a fixture
      "password": "@@argon2:1@@",
%%F generic | API token literal in a fixture
      "api_token": "@@alnum40:fx1@@",
      "is_staff": false
    }
  }
]
''')

# =====================================================================
# auth-service (Node / TypeScript)
# =====================================================================
add("auth-service/src/config.ts", r'''
export const config = {
  port: Number(process.env.PORT ?? 8080),
%%S env-lookup | JWT secret from the environment
  jwtSecret: process.env.JWT_SECRET,
%%S identifier | OAuth token endpoint URL
  tokenUrl: "https://oauth2.googleapis.com/token",
%%S uuid-or-id | public OAuth client id
  googleClientId: "@@digits12:gc1@@-@@lower32:gc1@@.apps.googleusercontent.com",
%%F generic | OAuth client secret literal
  googleClientSecret: "GOCSPX-@@b64u28:gcs1@@",
%%S identifier | header name
  apiKeyHeader: "X-API-Key",
%%F database-url | mongodb+srv URL with password
  mongoUrl: "mongodb+srv://auth-svc:@@urlpw:mongo1@@@cluster0.@@lower5:mc1@@.mongodb.net/auth?retryWrites=true&w=majority",
%%S local-default | local redis fallback
  redisUrl: process.env.REDIS_URL ?? "redis://localhost:6379",
};
''')

add("auth-service/src/jwt.ts", r'''
import jwt from "jsonwebtoken";
import { config } from "./config";

export function issueAccessToken(userId: string): string {
%%S env-lookup | secret comes from env-backed config
  return jwt.sign({ sub: userId }, config.jwtSecret!, { expiresIn: "15m" });
}

export function issueRefreshToken(userId: string): string {
%%F signing-key | literal JWT signing secret
  return jwt.sign({ sub: userId, typ: "refresh" }, "changeme", { expiresIn: "30d" });
}

export function verifyServiceToken(token: string) {
%%F signing-key | literal JWT verification secret
  return jwt.verify(token, "super-secret");
}

export function verifyPartnerToken(token: string) {
%%S env-lookup | secret read from process.env
  return jwt.verify(token, process.env.PARTNER_JWT_SECRET as string);
}
''')

add("auth-service/src/session.js", r'''
const express = require("express");
const session = require("express-session");
const cookieParser = require("cookie-parser");
const crypto = require("crypto");

const app = express();

%%F signing-key | express-session secret literal
app.use(session({ secret: "keyboard cat", resave: false, saveUninitialized: false }));
%%F signing-key | cookie-parser signing secret literal
app.use(cookieParser("cookie-signing-secret"));

%%S generated-key | per-process random secret
const csrfSecret = crypto.randomBytes(64).toString("hex");
%%S identifier | form field name
const CSRF_FIELD = "_csrf_token";

%%F slack-webhook | Slack webhook URL hard-coded
const ALERT_WEBHOOK = "https://hooks.slack.com/services/@@slackhook:1@@";

module.exports = { app, csrfSecret, CSRF_FIELD, ALERT_WEBHOOK };
''')

add("auth-service/src/app.module.ts", r'''
import { Module } from "@nestjs/common";
import { JwtModule } from "@nestjs/jwt";
import { AuthController } from "./auth.controller";

@Module({
  imports: [
    JwtModule.register({
%%F signing-key | NestJS JwtModule secret literal
      secret: "nest-dev-secret",
      signOptions: { expiresIn: "1h" },
    }),
  ],
  controllers: [AuthController],
})
export class AppModule {}
''')

add("auth-service/test/auth.test.ts", r'''
import request from "supertest";
import { app } from "../src/app";

%%F jwt | RS256 admin token in a test
const ADMIN_TOKEN = "@@jwt_rs:admin@@";

describe("auth", () => {
  it("rejects expired tokens", async () => {
%%F jwt | expired but format-valid token
    const expired = "@@jwt_hs:exp@@";
    const res = await request(app).get("/me").set("Authorization", `Bearer ${expired}`);
    expect(res.status).toBe(401);
  });

  it("accepts admin", async () => {
    const res = await request(app).get("/admin").set("Authorization", `Bearer ${ADMIN_TOKEN}`);
    expect(res.status).toBe(200);
  });

  it("logs in and masks the password", async () => {
%%F generic | test user password literal
    const password = "@@pw:testlogin@@";
    const res = await request(app).post("/login").send({ user: "qa-bot", password });
%%S placeholder | masked value
    expect(res.body.password).toBe("***");
  });
});
''')

add("auth-service/package-lock.json", r'''
{
  "name": "auth-service",
  "version": "1.4.0",
  "lockfileVersion": 3,
  "requires": true,
  "packages": {
    "node_modules/jsonwebtoken": {
      "version": "9.0.2",
      "resolved": "https://registry.npmjs.org/jsonwebtoken/-/jsonwebtoken-9.0.2.tgz",
%%S hash | lockfile integrity digest
      "integrity": "@@sri512:1@@",
      "license": "MIT"
    },
    "node_modules/express-session": {
      "version": "1.18.0",
      "resolved": "https://registry.npmjs.org/express-session/-/express-session-1.18.0.tgz",
%%S hash | lockfile integrity digest
      "integrity": "@@sri512:2@@",
      "license": "MIT"
    }
  }
}
''')

add("auth-service/.npmrc", r'''
registry=https://registry.npmjs.org/
%%F npm-token | npm automation token in .npmrc
//registry.npmjs.org/:_authToken=@@npm:1@@
@acme:registry=https://npm.pkg.github.com
%%S placeholder | interpolated from the environment
//npm.pkg.github.com/:_authToken=${GITHUB_PACKAGES_TOKEN}
''')

add("auth-service/.env", r'''
NODE_ENV=production
PORT=8080
%%F generic | JWT secret value in .env
JWT_SECRET=@@pw:authjwt@@
%%F private-key | RSA key with escaped newlines in .env
JWT_PRIVATE_KEY="@@pem_rsa_escaped:authenv@@"
%%S placeholder | shell-style interpolation
REFRESH_SECRET=${REFRESH_SECRET}
%%S local-default | local test database
MONGO_URL_TEST=mongodb://localhost:27017/auth_test
''')

# =====================================================================
# gateway (Go)
# =====================================================================
add("gateway/config.go", r'''
package main

import "os"

type Config struct {
	ListenAddr  string
	UpstreamURL string
	GitHubToken string
	SlackToken  string
}

func Load() Config {
	return Config{
		ListenAddr:  ":8443",
		UpstreamURL: "http://inventory:8080",
%%S env-lookup | os.Getenv
		GitHubToken: os.Getenv("TOKEN"),
%%F slack-token | bot token literal
		SlackToken:  "@@xoxb:1@@",
	}
}

// Used by the release bot when TOKEN is unset.
%%F github-pat | classic PAT in a Go constant
const fallbackGitHubToken = "@@ghp:1@@"

%%S placeholder | x-ed out PAT
const exampleToken = "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"

%%S identifier | header name constant
const authTokenHeader = "X-Auth-Token"
''')

add("gateway/internal/auth/jwt.go", r'''
package auth

import (
	"crypto/rand"
	"errors"
	"os"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

func IssueToken(userID string) (string, error) {
	claims := jwt.MapClaims{"sub": userID, "exp": time.Now().Add(time.Hour).Unix()}
	token := jwt.NewWithClaims(jwt.SigningMethodHS256, claims)
%%F signing-key | []byte literal passed to SignedString
	return token.SignedString([]byte("my-secret"))
}

func ParseToken(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, func(t *jwt.Token) (interface{}, error) {
%%F signing-key | literal verification key returned by the keyfunc
		return []byte("gateway-dev"), nil
	})
}

func ParseServiceToken(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, func(t *jwt.Token) (interface{}, error) {
%%S env-lookup | key from the environment
		return []byte(os.Getenv("SERVICE_JWT_SECRET")), nil
	})
}

func NewEphemeralKey() ([]byte, error) {
	key := make([]byte, 32)
%%S generated-key | crypto/rand key
	if _, err := rand.Read(key); err != nil {
		return nil, errors.New("no entropy")
	}
	return key, nil
}
''')

add("gateway/internal/session/store.go", r'''
package session

import "github.com/gorilla/sessions"

%%F signing-key | gorilla cookie store with literal key
var Store = sessions.NewCookieStore([]byte("something-very-secret"))
''')

add("gateway/internal/store/db.go", r'''
package store

import (
	"database/sql"

	_ "github.com/lib/pq"
)

func Open() (*sql.DB, error) {
	dsn := "host=orders-db.prod.internal user=orders " +
%%F generic | password in a concatenated libpq DSN
		"password=@@pw:godsn@@ dbname=orders sslmode=require"
	return sql.Open("postgres", dsn)
}

func OpenLocal() (*sql.DB, error) {
%%S local-default | well-known local dev credentials
	return sql.Open("postgres", "postgres://postgres:postgres@localhost:5432/app?sslmode=disable")
}
''')

add("gateway/main_test.go", r'''
package main

import (
	"net/http"
	"testing"
)

%%F github-app-token | installation token in a test
const installationToken = "@@ghs:1@@"

%%S hash | git commit SHA
const buildCommit = "@@hex40:commit1@@"

%%S uuid-or-id | request id
const requestID = "@@uuid:gwreq@@"

func TestUpstreamAuth(t *testing.T) {
%%F url-credentials | basic-auth credentials embedded in URL
	upstream := "https://gateway-bot:@@urlpw:gw1@@@registry.internal.example.net/v2/"
	req, _ := http.NewRequest("GET", upstream, nil)
	req.Header.Set("X-Request-ID", requestID)
	if req.URL.User == nil {
		t.Fatal("expected credentials")
	}
}
''')

add("gateway/certs/server.key", r'''
%%F private-key | RSA private key file
@@pem_rsa:server@@
''')

add("gateway/certs/ca.pem", r'''
%%S public-key | CA certificate
@@cert:ca@@
''')

add("gateway/certs/jwt_public.pem", r'''
%%S public-key | JWT verification public key
@@pubpem:jwt@@
''')

add("gateway/certs/tls-bundle.pem", r'''
%%S public-key | leaf certificate
@@cert:leaf@@
%%F private-key | PKCS8 key bundled with the certificate
@@pem_pkcs8:leaf@@
''')

add("gateway/certs/jwt_es256.key", r'''
%%F private-key | EC private key file
@@pem_ec:es256@@
''')

add("gateway/certs/jwks.json", r'''
{
  "keys": [
    {
      "kty": "RSA",
      "use": "sig",
      "alg": "RS256",
      "kid": "@@hex16:kid1@@",
%%S public-key | JWKS modulus (public parameter only)
      "n": "@@b64u256:jwks1@@",
      "e": "AQAB"
    }
  ]
}
''')

add("gateway/go.sum", r'''
%%S hash | go.sum module hash
github.com/golang-jwt/jwt/v5 v5.2.1 h1:@@h1b64:gosum1@@
%%S hash | go.sum go.mod hash
github.com/golang-jwt/jwt/v5 v5.2.1/go.mod h1:@@h1b64:gosum2@@
''')

add("gateway/config/gateway.yml", r'''
listen: ":8443"
upstreams:
  - name: inventory
    url: http://inventory:8080
%%F generic | upstream apikey literal
    apikey: "@@alnum32:gwup@@"
  - name: billing
    url: http://billing:8000
%%S placeholder | angle-bracket placeholder
    apikey: "<your-api-key>"
auth:
%%S identifier | header name
  api_key_header: X-API-Key
%%S identifier | token type
  token_type: Bearer
tls:
%%S identifier | Kubernetes secret name
  secret_name: gateway-tls
''')

# =====================================================================
# inventory (Java / Spring)
# =====================================================================
add("inventory/src/main/resources/application.properties", r'''
spring.application.name=inventory
%%S local-default | local JDBC URL without credentials
spring.datasource.url=jdbc:postgresql://localhost:5432/inventory
spring.datasource.username=inventory
%%S placeholder | Spring placeholder resolved from env
spring.datasource.password=${DB_PASSWORD}
%%F generic | OAuth client secret literal in properties
spring.security.oauth2.client.registration.keycloak.client-secret=@@alnum32:kc1@@
%%S uuid-or-id | public client id
spring.security.oauth2.client.registration.keycloak.client-id=inventory-web
%%F database-url | MySQL URL with password
reporting.datasource.url=mysql://reporter:@@urlpw:my1@@@reporting-db.prod.internal:3306/inventory
%%F azure-storage-key | storage connection string with AccountKey
azure.storage.connection-string=DefaultEndpointsProtocol=https;AccountName=invexports@@lower4:az1@@;AccountKey=@@azkey:1@@;EndpointSuffix=core.windows.net
%%S identifier | header name
app.security.api-key-header=X-API-Key
%%S identifier | URL path
app.password-reset-path=/account/password/reset
''')

add("inventory/src/main/resources/application-prod.yml", r'''
spring:
  cloud:
    azure:
      servicebus:
%%F azure-connection-string | Service Bus connection string with SharedAccessKey
        connection-string: "Endpoint=sb://inventory-events-@@lower4:sb2@@.servicebus.windows.net/;SharedAccessKeyName=send-only;SharedAccessKey=@@sbkey:2@@"
  data:
    mongodb:
%%F database-url | mongodb+srv URL with password
      uri: "mongodb+srv://inventory:@@urlpw:mongo2@@@inventory.@@lower5:mc2@@.mongodb.net/inventory"
  datasource:
%%S placeholder | interpolated from the environment
    password: ${INVENTORY_DB_PASSWORD}
partner:
  catalog:
%%F generic | partner api_key in YAML
    api_key: "@@alnum40:partner@@"
%%S placeholder | REPLACE_ME placeholder
    fallback_api_key: "REPLACE_ME"
management:
  endpoints:
    web:
      exposure:
        include: health,info
''')

add("inventory/src/main/java/com/acme/inventory/security/JwtService.java", r'''
package com.acme.inventory.security;

import com.auth0.jwt.algorithms.Algorithm;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.SignatureAlgorithm;
import io.jsonwebtoken.security.Keys;
import java.security.Key;
import java.util.Date;

public class JwtService {

%%F signing-key | Algorithm.HMAC256 with a literal
    private final Algorithm legacyAlgorithm = Algorithm.HMAC256("secret");

%%F signing-key | hmacShaKeyFor over literal bytes
    private final Key signingKey = Keys.hmacShaKeyFor("inventory-signing-key-please-change-me-0123".getBytes());

%%S env-lookup | key from System.getenv
    private final Algorithm partnerAlgorithm = Algorithm.HMAC256(System.getenv("PARTNER_JWT_SECRET"));

%%S generated-key | key generated at runtime
    private final Key ephemeralKey = Keys.secretKeyFor(SignatureAlgorithm.HS256);

    public String issue(String subject) {
        return Jwts.builder().setSubject(subject).setIssuedAt(new Date()).signWith(signingKey).compact();
    }
}
''')

add("inventory/src/test/java/com/acme/inventory/ClientTest.java", r'''
package com.acme.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ClientTest {

%%F jwt | bearer token in a test
    private static final String TOKEN = "@@jwt_hs:inv@@";
%%F twilio 2 | Twilio API key SID with its secret
    private static final String TWILIO_API_KEY = "@@twsk:1@@";
    private static final String TWILIO_API_SECRET = "@@alnum32:twsec1@@";
%%S uuid-or-id | Messaging Service SID is an identifier
    private static final String MESSAGING_SERVICE_SID = "MG@@hex32:mg1@@";
%%S identifier | token type
    private static final String TOKEN_TYPE = "Bearer";

    @Test
    void sendsAuthHeader() {
        Client client = new Client("https://inventory.internal", TOKEN);
        assertEquals(TOKEN_TYPE + " " + TOKEN, client.authHeader());
    }
}
''')

add("inventory/src/test/resources/keys/test-signing.pem", r'''
%%F private-key | PKCS8 EC key committed as a test fixture
@@pem_pkcs8ec:invtest@@
''')

add("inventory/settings.xml", r'''
<settings xmlns="http://maven.apache.org/SETTINGS/1.0.0">
  <servers>
    <server>
      <id>acme-releases</id>
      <username>deploy</username>
%%F generic | Maven server password
      <password>@@pw:mvn1@@</password>
    </server>
    <server>
      <id>github</id>
      <username>acme-bot</username>
%%F github-pat | PAT used as Maven password
      <password>@@ghp:2@@</password>
    </server>
    <server>
      <id>nexus-snapshots</id>
      <username>${env.NEXUS_USER}</username>
%%S placeholder | Maven env property
      <password>${env.NEXUS_PASSWORD}</password>
    </server>
  </servers>
</settings>
''')

# =====================================================================
# notifications (Flask)
# =====================================================================
add("notifications/app.py", r'''
from flask import Flask
from flask_jwt_extended import JWTManager

app = Flask(__name__)
%%F signing-key | Flask secret_key literal
app.secret_key = "dev"
%%F signing-key | JWT_SECRET_KEY literal
app.config["JWT_SECRET_KEY"] = "super-secret"
%%S identifier | token location setting
app.config["JWT_TOKEN_LOCATION"] = ["headers"]
jwt = JWTManager(app)
''')

add("notifications/factory.py", r'''
import os
import secrets

from flask import Flask


def create_app() -> Flask:
    app = Flask(__name__)
%%S generated-key | os.urandom
    app.secret_key = os.urandom(32)
%%S env-lookup | JWT key from the environment
    app.config["JWT_SECRET_KEY"] = os.environ["JWT_SECRET_KEY"]
%%S generated-key | secrets.token_hex
    app.config["WTF_CSRF_SECRET_KEY"] = secrets.token_hex(32)
    return app
''')

add("notifications/slack_notify.py", r'''
import os

from slack_sdk import WebClient
from slack_sdk.socket_mode import SocketModeClient

%%F slack-webhook | incoming webhook URL
DEPLOY_WEBHOOK = "https://hooks.slack.com/services/@@slackhook:2@@"
%%S placeholder | placeholder webhook
EXAMPLE_WEBHOOK = "https://hooks.slack.com/services/XXXXXXXXX/XXXXXXXXX/XXXXXXXXXXXXXXXXXXXXXXXX"
%%S env-lookup | token from the environment
SLACK_BOT_TOKEN = os.environ["SLACK_BOT_TOKEN"]
%%S uuid-or-id | Slack channel id
ALERTS_CHANNEL = "C0@@upper8:ch1@@"


def user_client() -> WebClient:
%%F slack-token | user token passed as an argument
    return WebClient(token="@@xoxp:1@@")


def socket_mode() -> SocketModeClient:
%%F slack-token | app-level token
    return SocketModeClient(app_token="@@xapp:1@@")
''')

add("notifications/sms.py", r'''
import os

from twilio.rest import Client

%%F twilio 2 | Account SID with its auth token
TWILIO_ACCOUNT_SID = "@@twac:1@@"
TWILIO_AUTH_TOKEN = "@@hex32:twtok1@@"
FROM_NUMBER = "+15550100042"


def client_for(region: str) -> Client:
%%F twilio | SID and auth token inline
    return Client("@@twac:2@@", "@@hex32:twtok2@@", region=region)


def default_client() -> Client:
%%S env-lookup | credentials from the environment
    return Client(os.environ["TWILIO_ACCOUNT_SID"], os.environ["TWILIO_AUTH_TOKEN"])
''')

add("notifications/mailer.py", r'''
import sendgrid

%%F sendgrid | key passed to the client
sg = sendgrid.SendGridAPIClient(api_key="@@sg:2@@")
%%S uuid-or-id | dynamic template id
WELCOME_TEMPLATE_ID = "d-@@hex32:tmpl@@"
''')

add("notifications/config.toml", r'''
[server]
port = 8090

[slack]
%%F slack-token | bot token in TOML
bot_token = "@@xoxb:2@@"
default_channel = "#deploys"

[smtp]
host = "smtp.sendgrid.net"
username = "apikey"
%%F sendgrid | SendGrid key as SMTP password
password = "@@sg:3@@"

[webhooks]
%%F generic | shared webhook secret
secret = "@@pw:tomlsecret@@"

[database]
%%S local-default | well-known local dev URL
url = "postgres://postgres:postgres@localhost:5432/app"

[openai]
%%S identifier | names an environment variable
api_key_env = "OPENAI_API_KEY"
''')

add("notifications/local.settings.json", r'''
{
  "IsEncrypted": false,
  "Values": {
    "FUNCTIONS_WORKER_RUNTIME": "python",
%%S local-default | Azurite development storage
    "AzureWebJobsStorage": "UseDevelopmentStorage=true",
%%F azure-connection-string | Service Bus connection string
    "ServiceBusConnection": "Endpoint=sb://acme-notify-@@lower4:sb3@@.servicebus.windows.net/;SharedAccessKeyName=listen;SharedAccessKey=@@sbkey:3@@;EntityPath=outbound-sms",
%%F generic | API key value in JSON settings
    "PARTNER_API_KEY": "@@alnum32:partnerjson@@",
%%S env-lookup | Key Vault reference
    "SENDGRID_API_KEY": "@Microsoft.KeyVault(SecretUri=https://acme-notify-kv.vault.azure.net/secrets/sendgrid-api-key/)"
  }
}
''')

add("notifications/.env", r'''
FLASK_ENV=production
%%F twilio 2 | Account SID and auth token in .env
TWILIO_ACCOUNT_SID=@@twac:3@@
TWILIO_AUTH_TOKEN=@@hex32:twtok3@@
%%S uuid-or-id | Messaging Service SID
TWILIO_MESSAGING_SERVICE_SID=MG@@hex32:mg2@@
''')

add("notifications/tests/test_sms.py", r'''
from notifications import sms

%%S placeholder | placeholder text
TEST_AUTH_TOKEN = "your_auth_token_here"
%%S identifier | i18n-style label
PASSWORD_LABEL = "Password"


def test_client_requires_token(monkeypatch):
    monkeypatch.setenv("TWILIO_AUTH_TOKEN", TEST_AUTH_TOKEN)
    assert sms.default_client() is not None
''')

# =====================================================================
# ml-notebooks
# =====================================================================
add("ml-notebooks/churn_analysis.ipynb", r'''
{
 "cells": [
  {
   "cell_type": "markdown",
   "metadata": {},
   "source": [
    "# Churn analysis (May)\n",
    "Pull invoices from the warehouse and summarise churn reasons with an LLM."
   ]
  },
  {
   "cell_type": "code",
   "execution_count": 1,
   "metadata": {},
   "outputs": [],
   "source": [
    "import os\n",
    "import anthropic\n",
    "import googlemaps\n",
    "import openai\n",
    "import pandas as pd\n",
    "from sqlalchemy import create_engine\n",
    "\n",
%%F openai-key | project key pasted into a notebook
    "openai.api_key = \"@@openai_proj:1@@\"\n",
%%F anthropic-key | key passed to the client
    "claude = anthropic.Anthropic(api_key=\"@@anthropic:1@@\")\n",
%%S env-lookup | key from the environment
    "fallback_key = os.environ[\"OPENAI_API_KEY\"]\n",
%%F gcp-api-key | Maps API key in a notebook
    "gmaps = googlemaps.Client(key=\"@@aiza:4@@\")\n",
%%F generic | auth_token literal
    "auth_token = \"@@alnum32:nbauth@@\"\n",
%%F database-url | warehouse URL with password
    "engine = create_engine(\"postgresql://analyst:@@urlpw:nb1@@@warehouse.prod.internal:5432/dw\")"
   ]
  },
  {
   "cell_type": "code",
   "execution_count": 2,
   "metadata": {},
   "outputs": [
    {
     "data": {
%%S base64-blob | inline PNG output
      "image/png": "@@png:nb@@",
      "text/plain": [
       "<Figure size 640x480 with 1 Axes>"
      ]
     },
     "execution_count": 2,
     "metadata": {},
     "output_type": "execute_result"
    }
   ],
   "source": [
    "df = pd.read_sql(\"select * from churn_reasons\", engine)\n",
    "df.groupby(\"reason\").size().plot.bar()"
   ]
  }
 ],
 "metadata": {
  "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
  "language_info": {"name": "python", "version": "3.11.7"}
 },
 "nbformat": 4,
 "nbformat_minor": 5
}
''')

add("ml-notebooks/sa-key.json", r'''
{
  "type": "service_account",
  "project_id": "acme-ml-@@digits6:mlp@@",
  "private_key_id": "@@hex40:pkid1@@",
%%F gcp-service-account | service-account private key
  "private_key": "@@pem_pkcs8_escaped:sa1@@",
  "client_email": "notebook-runner@acme-ml-@@digits6:mlp@@.iam.gserviceaccount.com",
  "client_id": "@@digits21:sacid1@@",
  "auth_uri": "https://accounts.google.com/o/oauth2/auth",
  "token_uri": "https://oauth2.googleapis.com/token",
  "auth_provider_x509_cert_url": "https://www.googleapis.com/oauth2/v1/certs",
  "client_x509_cert_url": "https://www.googleapis.com/robot/v1/metadata/x509/notebook-runner%40acme-ml-@@digits6:mlp@@.iam.gserviceaccount.com",
  "universe_domain": "googleapis.com"
}
''')

add("ml-notebooks/scripts/summarize.py", r'''
"""Summarise churn reasons with OpenAI."""
import os

from openai import OpenAI

%%F openai-key | project key passed to the client
client = OpenAI(api_key="@@openai_proj:2@@")
%%S env-lookup | org id from the environment
org = os.getenv("OPENAI_ORG_ID")
%%S placeholder | truncated example key in a comment
# Example: OPENAI_API_KEY=sk-proj-...


def summarize(rows):
    text = "\n".join(r["reason"] for r in rows)
    return client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": text}])
''')

add("ml-notebooks/README.md", r'''
# ML notebooks

Set your keys before starting Jupyter:

```bash
%%S placeholder | documentation placeholder
export OPENAI_API_KEY=<your-api-key>
%%F anthropic-key | real-looking key in a README
export ANTHROPIC_API_KEY=@@anthropic:3@@
%%S placeholder | x-ed out value
export HF_TOKEN=xxxxxxxxxxxxxxxx
jupyter lab
```

The service account used by the scheduled runs lives in `sa-key.json`.
''')

# =====================================================================
# frontend
# =====================================================================
add("frontend/src/maps.ts", r'''
import { Loader } from "@googlemaps/js-api-loader";

%%F gcp-api-key | Maps key in frontend source
const MAPS_API_KEY = "@@aiza:2@@";
%%S uuid-or-id | map style id
const MAP_ID = "@@hex16:mapid@@";

export const loader = new Loader({ apiKey: MAPS_API_KEY, version: "weekly", mapIds: [MAP_ID] });
''')

add("frontend/src/ai/client.ts", r'''
import OpenAI from "openai";

export const openai = new OpenAI({
%%F openai-key | sk-proj key in a browser bundle (no T3BlbkFJ marker)
  apiKey: "@@openai_proj_plain:1@@",
  dangerouslyAllowBrowser: true,
});

%%S env-lookup | Vite environment variable
export const anthropicProxyUrl = import.meta.env.VITE_ANTHROPIC_PROXY_URL;
''')

add("frontend/public/index.html", r'''
<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Acme Console</title>
%%S base64-blob | PNG favicon data URI
  <link rel="icon" href="data:image/png;base64,@@png:fav@@">
%%S hash | cache-busting content hash in file name
  <link rel="stylesheet" href="/static/app.@@hex20:cb@@.css">
%%S hash | subresource integrity digest
  <script src="https://cdn.acme.example/vendor.js" integrity="sha384-@@b64_48:sri@@" crossorigin="anonymous"></script>
</head>
<body>
%%S base64-blob | CSP nonce
  <script nonce="@@b64_16:nonce@@">window.__BOOT__ = { env: "prod" };</script>
  <form method="post" action="/login">
%%S identifier | CSRF token field name with template variable
    <input type="hidden" name="csrf_token" value="{{ csrf_token }}">
%%S identifier | form label
    <label for="password">Password</label>
    <input id="password" name="password" type="password" autocomplete="current-password">
  </form>
</body>
</html>
''')

add("frontend/src/i18n/en.json", r'''
{
  "login": {
    "title": "Sign in",
%%S identifier | i18n string
    "password": "Password",
%%S identifier | i18n string
    "forgotPassword": "Forgot your password?",
%%S identifier | i18n string
    "token": "Access token"
  }
}
''')

add("frontend/src/styles/fonts.css", r'''
@font-face {
  font-family: "Acme Sans";
  font-display: swap;
%%S base64-blob | embedded font data
  src: url(data:font/woff2;base64,@@woff2:1@@) format("woff2");
}

.empty-state {
%%S base64-blob | small PNG background data URI
  background-image: url("data:image/png;base64,@@png:empty@@");
}
''')

add("frontend/.env.production", r'''
VITE_API_BASE=https://api.acme.example
%%S uuid-or-id | Stripe publishable key is public
VITE_STRIPE_PUBLISHABLE_KEY=@@pklive:2@@
%%F gcp-api-key | Google API key in env file
VITE_GOOGLE_API_KEY=@@aiza:3@@
%%S uuid-or-id | public SPA client id
VITE_AUTH0_CLIENT_ID=@@alnum32:auth0@@
''')

# =====================================================================
# worker
# =====================================================================
add("worker/settings.ini", r'''
[worker]
concurrency = 8

[database]
%%F database-url | MySQL URL with password
url = mysql://worker:@@urlpw:my2@@@orders-db.prod.internal:3306/orders
%%S local-default | well-known local test credentials
test_url = mysql://root:root@127.0.0.1/test

[redis]
%%F database-url | Redis URL with password
url = redis://default:@@urlpw:redis2@@@cache.prod.internal:6379/2

[github]
%%F github-app-token | ghr refresh token
refresh_token = @@ghr:1@@
%%S identifier | token endpoint URL
token_url = https://github.com/login/oauth/access_token

[partner]
%%F generic | api_key literal in INI
api_key = @@alnum40:iniapi@@

[azure]
%%F azure-storage-key | storage connection string with AccountKey
connection_string = DefaultEndpointsProtocol=https;AccountName=workerblobs;AccountKey=@@azkey:4@@;EndpointSuffix=core.windows.net

[aws]
%%S identifier | Secrets Manager secret name
secret_name = prod/db
''')

add("worker/.pypirc", r'''
[distutils]
index-servers =
    pypi
    internal

[pypi]
username = __token__
%%F pypi-token | PyPI upload token
password = @@pypi:2@@

[internal]
repository = https://pypi.acme.internal/simple
username = worker-ci
%%S placeholder | placeholder text
password = your_password_here
''')

add("worker/logs/debug.log", r'''
2024-05-14T09:12:03.114Z INFO  worker started pid=4412
%%S uuid-or-id | request id
2024-05-14T09:12:04.201Z INFO  request_id=@@uuid:log1@@ path=/v1/jobs status=200
%%F jwt | bearer token written to a debug log
2024-05-14T09:12:05.880Z DEBUG outbound headers={'Authorization': 'Bearer @@jwt_hs:log@@'}
%%S placeholder | masked password in a log
2024-05-14T09:12:06.002Z DEBUG connecting to db user=worker password=***
%%F github-pat | PAT inside a logged git remote URL
2024-05-14T09:12:07.450Z DEBUG git remote https://x-access-token:@@ghp:3@@@github.com/acme/orders.git
%%S hash | commit SHA
2024-05-14T09:12:07.990Z INFO  deployed revision @@hex40:rev2@@
%%F anthropic-key | API key written to an error log
2024-05-14T09:13:00.000Z ERROR anthropic request failed api_key=@@anthropic:2@@ status=401
%%S base64-blob | pagination token
2024-05-14T09:13:01.512Z INFO  listing objects nextPageToken=@@b64u80:logpage@@
''')

add("worker/jobs/export.py", r'''
import os
import secrets

import boto3
from cryptography.fernet import Fernet

%%F aws-access-key-id | temporary (ASIA) key id
SESSION_KEY_ID = "@@asia:1@@"
%%F aws-secret-access-key | secret next to the key id
aws_secret = "@@awssecret:4@@"
%%S hash | SHA-1 of the export schema
SCHEMA_SHA1 = "@@hex40:schema@@"
%%S uuid-or-id | KMS key ARN
KMS_KEY_ARN = "arn:aws:kms:eu-west-1:@@awsacct:3@@:key/@@uuid:kms@@"
%%S generated-key | secrets.token_urlsafe
EXPORT_SIGNING_KEY = secrets.token_urlsafe(48)
%%S generated-key | Fernet.generate_key
ARCHIVE_KEY = Fernet.generate_key()


def s3_client():
%%S env-lookup | credentials from the environment
    return boto3.client("s3", aws_access_key_id=os.environ["AWS_ACCESS_KEY_ID"], aws_secret_access_key=os.environ["AWS_SECRET_ACCESS_KEY"])
''')

add("worker/tests/fixtures/events.py", r'''
"""Binary fixtures for the order-event consumer tests."""

%%S base64-blob | protobuf message fixture
ORDER_CREATED_PB = "@@proto:1@@"
%%S uuid-or-id | order id
ORDER_ID = "@@uuid:ord@@"
%%S hash | SHA-256 of the fixture payload
ORDER_CREATED_SHA256 = "@@hex64:ordsha@@"
%%S base64-blob | gzip+base64 batch fixture
ORDER_BATCH_GZ_B64 = "@@gzjson:batch@@"
''')

add("worker/requirements.txt", r'''
%%F url-credentials | private index credentials in URL
--extra-index-url https://ci-reader:@@urlpw:pip1@@@pypi.acme.internal/simple
%%S hash | pip hash pin
boto3==1.34.84 --hash=sha256:@@hex64:piphash@@
requests==2.31.0
''')

# =====================================================================
# platform-tools
# =====================================================================
add("platform-tools/gcp/sa-deployer.json", r'''
{
  "type": "service_account",
  "project_id": "acme-platform-@@digits6:plp@@",
  "private_key_id": "@@hex40:pkid2@@",
%%F gcp-service-account | service-account private key
  "private_key": "@@pem_pkcs8_escaped:sa2@@",
  "client_email": "deployer@acme-platform-@@digits6:plp@@.iam.gserviceaccount.com",
  "client_id": "@@digits21:sacid2@@",
  "auth_uri": "https://accounts.google.com/o/oauth2/auth",
  "token_uri": "https://oauth2.googleapis.com/token",
  "auth_provider_x509_cert_url": "https://www.googleapis.com/oauth2/v1/certs",
  "client_x509_cert_url": "https://www.googleapis.com/robot/v1/metadata/x509/deployer%40acme-platform-@@digits6:plp@@.iam.gserviceaccount.com",
  "universe_domain": "googleapis.com"
}
''')

add("platform-tools/ci/gcp_credentials.py", r'''
from google.oauth2 import service_account

SERVICE_ACCOUNT_INFO = {
    "type": "service_account",
    "project_id": "acme-ci-@@digits6:cip@@",
    "private_key_id": "@@hex40:pkid3@@",
%%F gcp-service-account | service-account key embedded as a dict
    "private_key": "@@pem_pkcs8_escaped:sa3@@",
    "client_email": "ci-runner@acme-ci-@@digits6:cip@@.iam.gserviceaccount.com",
    "client_id": "@@digits21:sacid3@@",
    "token_uri": "https://oauth2.googleapis.com/token",
}

credentials = service_account.Credentials.from_service_account_info(SERVICE_ACCOUNT_INFO)
''')

add("platform-tools/github/app.py", r'''
"""GitHub App helper used by the release bot."""
import os
import time

import jwt

%%S uuid-or-id | GitHub App id
APP_ID = 381946
%%S uuid-or-id | installation id
INSTALLATION_ID = 49120377
%%F private-key | GitHub App private key inline
APP_PRIVATE_KEY = """@@pem_rsa:ghapp@@"""

%%F github-app-token | cached installation token
CACHED_INSTALLATION_TOKEN = "@@ghs:2@@"
%%F github-fine-grained-pat | admin fine-grained PAT
ADMIN_PAT = "@@ghfg:2@@"
# TODO: remove once the app has org admin scope
%%F github-pat | PAT left in a comment
# token = "@@ghp:5@@"


def app_jwt() -> str:
    now = int(time.time())
    payload = {"iat": now - 60, "exp": now + 540, "iss": APP_ID}
    return jwt.encode(payload, APP_PRIVATE_KEY, algorithm="RS256")


def user_token() -> str:
%%S env-lookup | token from the environment
    return os.environ["GITHUB_TOKEN"]
''')

add("platform-tools/github/oauth_test.py", r'''
import json

from release_bot import oauth

%%S identifier | token endpoint URL
TOKEN_URL = "https://github.com/login/oauth/access_token"

TOKEN_RESPONSE = {
%%F github-oauth | OAuth token in a test fixture
    "access_token": "@@gho:2@@",
%%S identifier | token type
    "token_type": "bearer",
    "scope": "repo,read:org",
}


def test_parse_token_response():
    parsed = oauth.parse(json.dumps(TOKEN_RESPONSE))
    assert parsed.scope == ["repo", "read:org"]


def test_client_id_is_public():
%%S uuid-or-id | public GitHub App client id
    assert oauth.CLIENT_ID == "Iv1.@@hex16:ghcid@@"
''')

add("platform-tools/gitlab/mirror.py", r'''
import os

import gitlab

%%F gitlab-token | PAT passed to the client
gl = gitlab.Gitlab("https://gitlab.acme.internal", private_token="@@glpat:2@@")
%%S env-lookup | job token from the environment
ci = gitlab.Gitlab("https://gitlab.acme.internal", job_token=os.environ["CI_JOB_TOKEN"])


def mirror(project_id: int) -> None:
    project = gl.projects.get(project_id)
    project.mirror_pull()
''')

add("platform-tools/aws/test_s3_sync.py", r'''
import boto3
import pytest
from moto import mock_aws

from s3sync import sync


@pytest.fixture
def s3():
    with mock_aws():
        yield boto3.client(
            "s3",
            region_name="eu-west-1",
%%F aws-access-key-id | real-looking key id in a test
            aws_access_key_id="@@akia:4@@",
%%F aws-secret-access-key | real-looking secret in a test
            aws_secret_access_key="@@awssecret:6@@",
        )


def test_sync(s3):
%%S uuid-or-id | IAM role ARN
    role = "arn:aws:iam::@@awsacct:5@@:role/s3-sync"
%%S placeholder | x-ed out key id
    placeholder_key = "AKIAXXXXXXXXXXXXXXXX"
    assert sync(s3, role=role, key_id=placeholder_key) == 0
''')

add("platform-tools/azure/upload.sh", r'''
#!/usr/bin/env bash
set -euo pipefail

%%S uuid-or-id | subscription id
AZURE_SUBSCRIPTION_ID="@@uuid:azsub@@"
%%S uuid-or-id | tenant id
AZURE_TENANT_ID="@@uuid:aztenant@@"
AZURE_STORAGE_ACCOUNT=acmeexports
%%F azure-storage-key | storage account key
AZURE_STORAGE_KEY="@@azkey:3@@"
%%S env-lookup | key fetched through the az CLI
AZURE_STORAGE_KEY_SECONDARY="$(az storage account keys list -n "$AZURE_STORAGE_ACCOUNT" --query '[1].value' -o tsv)"

az account set --subscription "$AZURE_SUBSCRIPTION_ID"
az storage blob upload-batch -d exports -s ./out --account-name "$AZURE_STORAGE_ACCOUNT" --account-key "$AZURE_STORAGE_KEY"
''')

add("platform-tools/datadog/main.tf", r'''
provider "datadog" {
%%F generic | Datadog api_key literal
  api_key = "@@hex32:ddapi@@"
  api_url = "https://api.datadoghq.eu/"
}

resource "datadog_monitor" "queue_depth" {
  name    = "orders queue depth"
  type    = "metric alert"
  query   = "avg(last_5m):avg:rabbitmq.queue.messages{queue:orders} > 1000"
  message = "Queue backing up @slack-platform"
}
''')

add("platform-tools/ssh/deploy_ed25519.key", r'''
%%F private-key | OpenSSH private key file
@@pem_openssh:deploy@@
''')

add("platform-tools/ssh/deploy_ed25519.pub", r'''
%%S public-key | OpenSSH public key
@@sshed:deploypub@@ deploy@acme
''')

add("platform-tools/ssh/authorized_keys", r'''
%%S public-key | ssh-rsa public key
@@sshrsa:ak1@@ alice@laptop
%%S public-key | ssh-rsa public key
@@sshrsa:ak2@@ bob@workstation
''')

add("platform-tools/ssh/known_hosts", r'''
%%S public-key | host public key
gitlab.acme.internal,10.20.0.5 @@sshecdsa:kh1@@
''')

add("platform-tools/signing/release-signing.key", r'''
%%F private-key | PGP private key block
@@pem_pgp:release@@
''')

# =====================================================================
# infra
# =====================================================================
add("infra/terraform/main.tf", r'''
terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.40"
    }
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 3.100"
    }
  }
}

provider "aws" {
  region     = "eu-west-1"
%%F aws-access-key-id | provider block literal
  access_key = "@@akia:2@@"
%%F aws-secret-access-key | provider block literal
  secret_key = "@@awssecret:2@@"

  assume_role {
%%S uuid-or-id | IAM role ARN
    role_arn = "arn:aws:iam::@@awsacct:2@@:role/terraform-deploy"
  }
}

resource "aws_db_instance" "billing" {
  identifier     = "billing-prod"
  engine         = "postgres"
  instance_class = "db.t4g.medium"
  username       = "billing_admin"
%%S env-lookup | variable reference
  password       = var.db_password
}

resource "aws_db_instance" "analytics" {
  identifier     = "analytics-prod"
  engine         = "postgres"
  instance_class = "db.t4g.large"
  username       = "analytics_admin"
%%F generic | literal database password
  password       = "@@pw:tf1@@"
}

data "aws_ssm_parameter" "stripe" {
%%S identifier | SSM parameter name
  name = "/prod/billing/stripe_secret_key"
}

resource "aws_lambda_function" "reconcile" {
  function_name = "billing-reconcile"
  role          = "arn:aws:iam::@@awsacct:2@@:role/lambda-reconcile"
  handler       = "main.handler"
  runtime       = "python3.12"
  filename      = "reconcile.zip"

  environment {
    variables = {
%%S env-lookup | SSM value reference
      STRIPE_SECRET_KEY = data.aws_ssm_parameter.stripe.value
    }
  }
}

resource "azurerm_linux_function_app" "exports" {
  name                = "acme-exports"
  resource_group_name = "rg-exports"
  location            = "westeurope"
  service_plan_id     = "/subscriptions/@@uuid:tfsub@@/resourceGroups/rg-exports/providers/Microsoft.Web/serverFarms/exports-plan"
  site_config {}

  app_settings = {
%%F azure-storage-key | bare storage account key
    STORAGE_KEY           = "@@azkey:2@@"
%%F azure-connection-string | Service Bus connection string
    SERVICEBUS_CONNECTION = "Endpoint=sb://acme-events-@@lower4:sb1@@.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=@@sbkey:1@@"
%%S env-lookup | resource attribute reference
    STORAGE_CONNECTION    = azurerm_storage_account.exports.primary_connection_string
  }
}
''')

add("infra/terraform/variables.tf", r'''
variable "db_password" {
  type      = string
  sensitive = true
}

variable "analytics_password" {
  type      = string
  sensitive = true
%%F generic | default value is a real-looking password
  default   = "@@pw:tfvar@@"
}

variable "datadog_api_key" {
  type = string
%%S placeholder | angle-bracket placeholder default
  default = "<your-api-key>"
}

variable "aws_account_id" {
  type = string
%%S uuid-or-id | AWS account id
  default = "@@awsacct:6@@"
}
''')

add("infra/terraform/.terraform.lock.hcl", r'''
# This file is maintained automatically by "terraform init".
provider "registry.terraform.io/hashicorp/aws" {
  version     = "5.40.0"
  constraints = "~> 5.40"
  hashes = [
%%S hash | provider package hash
    "h1:@@h1b64:tf1@@",
%%S hash | provider zip hash
    "zh:@@hex64:tfzh1@@",
%%S hash | provider zip hash
    "zh:@@hex64:tfzh2@@",
  ]
}
''')

add("infra/k8s/deployment.yml", r'''
apiVersion: apps/v1
kind: Deployment
metadata:
  name: billing
spec:
  replicas: 3
  selector:
    matchLabels:
      app: billing
  template:
    metadata:
      labels:
        app: billing
    spec:
      containers:
        - name: billing
%%S hash | image digest
          image: registry.acme.internal/billing@sha256:@@hex64:img1@@
          env:
            - name: STRIPE_SECRET_KEY
              valueFrom:
%%S env-lookup | secretKeyRef
                secretKeyRef:
                  name: billing-secrets
                  key: stripe-secret-key
            - name: DATABASE_URL
%%F database-url | literal URL with password in a manifest
              value: "postgres://billing_app:@@urlpw:k8s1@@@billing-db.prod.internal:5432/billing"
            - name: GOOGLE_MAPS_API_KEY
%%F gcp-api-key | literal API key in a manifest
              value: "@@aiza:1@@"
            - name: GCP_PROJECT
%%S uuid-or-id | GCP project id
              value: "acme-billing-prod"
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: billing
spec:
  tls:
    - hosts: ["billing.acme.example"]
%%S identifier | TLS secret name
      secretName: billing-tls
  rules:
    - host: billing.acme.example
''')

add("infra/k8s/secret.yml", r'''
apiVersion: v1
kind: Secret
metadata:
  name: notifications-secrets
type: Opaque
stringData:
%%F slack-token | bot token in stringData
  SLACK_BOT_TOKEN: "@@xoxb:3@@"
%%F gitlab-token | deploy token in stringData
  GITLAB_DEPLOY_TOKEN: "@@gldt:1@@"
---
apiVersion: v1
kind: Secret
metadata:
  name: gateway-tls
type: kubernetes.io/tls
stringData:
  tls.crt: |
%%S public-key | certificate
    @@cert:gwtls@@
  tls.key: |
%%F private-key | EC private key inline in a manifest
    @@pem_ec:gwtls@@
''')

add("infra/k8s/kubeconfig.yml", r'''
apiVersion: v1
kind: Config
clusters:
  - name: prod-eu
    cluster:
      server: https://10.20.0.1:6443
%%S public-key | base64-encoded CA certificate
      certificate-authority-data: @@cadata:kc@@
users:
  - name: ci-deployer
    user:
%%F jwt | service-account bearer token
      token: @@jwt_k8s:ci@@
contexts:
  - name: prod-eu
    context:
      cluster: prod-eu
      user: ci-deployer
current-context: prod-eu
''')

add("infra/docker-compose.yml", r'''
services:
  db:
    image: postgres:16
    environment:
%%S local-default | postgres image default password
      POSTGRES_PASSWORD: postgres
    ports: ["5432:5432"]
  redis:
    image: redis:7
  adminer:
%%S hash | pinned image digest
    image: adminer@sha256:@@hex64:adminer@@
  billing:
    build: ../billing
    environment:
%%S local-default | local dev URL with default credentials
      DATABASE_URL: postgres://postgres:postgres@localhost:5432/app
%%S placeholder | compose interpolation
      AWS_SECRET_ACCESS_KEY: ${AWS_SECRET_ACCESS_KEY}
%%S local-default | local redis
      REDIS_URL: redis://localhost:6379
%%S local-default | RabbitMQ default guest account
      AMQP_URL: amqp://guest:guest@localhost:5672/
%%F openai-key | legacy OpenAI key in compose env
      OPENAI_API_KEY: @@openai_legacy:1@@
      # Old reporting DB, kept for reference:
%%F generic | password left in a YAML comment
      # REPORTING_DB_PASSWORD: "@@pw:composecomment@@"
''')

add("infra/cloud-init.yml", r'''
#cloud-config
users:
  - name: deploy
    groups: sudo
    shell: /bin/bash
    ssh_authorized_keys:
%%S public-key | ssh-rsa public key
      - @@sshrsa:deploy@@ deploy@bastion
ssh_keys:
  ed25519_private: |
%%F private-key | OpenSSH host key in cloud-init
    @@pem_openssh:host@@
%%S public-key | ed25519 public host key
  ed25519_public: @@sshed:host@@ root@bastion
''')

add("infra/scripts/deploy.sh", r'''
#!/usr/bin/env bash
set -euo pipefail

%%S env-lookup | required environment variable
: "${DEPLOY_TOKEN:?DEPLOY_TOKEN must be set}"
%%F gitlab-token | PAT in a deploy script
GITLAB_TOKEN="@@glpat:1@@"
%%S hash | checksum verification
echo "@@hex64:tfzip@@  terraform_1.8.5_linux_amd64.zip" | sha256sum -c -
%%F url-credentials | git clone with embedded credentials
git clone "https://deploy-bot:@@urlpw:git1@@@git.acme.internal/platform/charts.git" /tmp/charts
%%S generated-key | openssl rand
SESSION_SECRET="$(openssl rand -hex 32)"
%%S placeholder | changeme default
API_TOKEN="${API_TOKEN:-changeme}"

mkdir -p /etc/app
cat > /etc/app/credentials <<EOF
[default]
%%F aws-access-key-id | key id in a heredoc
aws_access_key_id = @@akia:3@@
%%F aws-secret-access-key | secret in a heredoc
aws_secret_access_key = @@awssecret:3@@
EOF

curl -fsS -H "PRIVATE-TOKEN: ${GITLAB_TOKEN}" "https://git.acme.internal/api/v4/projects/42/deployments" -d "sha=$(git rev-parse HEAD)"
''')

add("infra/scripts/bootstrap.sh", r'''
#!/usr/bin/env bash
# Bootstrap a fresh build agent.
set -euo pipefail

%%F github-pat | exported PAT
export GITHUB_TOKEN=@@ghp:4@@
%%F generic | passwd assignment
DB_PASSWD='@@pw:bootpw@@'
%%S env-lookup | Vault lookup
VAULT_DB_PASSWORD="$(vault kv get -field=password secret/billing/db)"
%%S env-lookup | SSM lookup
STRIPE_KEY="$(aws ssm get-parameter --name /prod/billing/stripe_secret_key --with-decryption --query Parameter.Value --output text)"
%%S hash | pinned agent checksum
AGENT_SHA256=@@hex64:agent@@

python3 -m build
%%F pypi-token | token on the twine command line
twine upload -u __token__ -p @@pypi:3@@ dist/*
''')

add("infra/Jenkinsfile", r'''
pipeline {
  agent any
  environment {
%%S env-lookup | Jenkins credentials binding
    NPM_TOKEN = credentials('npm-publish-token')
%%F npm-token | literal npm token
    LEGACY_NPM_TOKEN = '@@npm:2@@'
%%F github-fine-grained-pat | literal fine-grained PAT
    GH_TOKEN = '@@ghfg:1@@'
  }
  stages {
    stage('Publish') {
      steps {
        sh 'npm publish --access restricted'
%%F slack-webhook | webhook URL in a curl step
        sh 'curl -fsS -X POST --data-urlencode "payload={}" https://hooks.slack.com/services/@@slackhook:3@@'
      }
    }
  }
}
''')

# =====================================================================
# CI configuration (repository root)
# =====================================================================
add(".github/workflows/release.yml", r'''
name: release
on:
  push:
    tags: ["v*"]
jobs:
  publish:
    runs-on: ubuntu-latest
    steps:
%%S hash | action pinned to a commit SHA
      - uses: actions/checkout@@@hex40:checkoutsha@@
      - uses: actions/setup-node@v4
        with:
          node-version: 20
          registry-url: https://registry.npmjs.org
      - run: npm ci
      - run: npm publish
        env:
%%S placeholder | secrets expression
          NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}
      - name: Upload to PyPI
        run: twine upload dist/*
        env:
          TWINE_USERNAME: __token__
%%F pypi-token | literal PyPI token in a workflow
          TWINE_PASSWORD: @@pypi:1@@
      - name: Notify
        run: ./scripts/notify.sh
        env:
%%F github-oauth | OAuth token in a workflow
          GH_OAUTH_TOKEN: @@gho:1@@
%%S env-lookup | workflow token from context
          GITHUB_TOKEN: ${{ github.token }}
''')

add(".github/workflows/mirror.yml", r'''
name: mirror
on:
  schedule:
    - cron: "17 3 * * *"
jobs:
  mirror:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0
%%F github-fine-grained-pat | fine-grained PAT in a workflow
          token: @@ghfg:3@@
      - name: Push mirror
        env:
%%S placeholder | secrets expression
          MIRROR_TOKEN: ${{ secrets.MIRROR_TOKEN }}
%%S placeholder | URL credentials come from an env variable
        run: git push --mirror "https://x-access-token:${MIRROR_TOKEN}@github.com/acme/mirror.git"
''')

add(".gitlab-ci.yml", r'''
stages: [build, deploy]

variables:
  DOCKER_DRIVER: overlay2
%%F gitlab-token | pipeline trigger token
  DOWNSTREAM_TRIGGER_TOKEN: "@@glptt:1@@"
%%S env-lookup | CI job token variable
  REGISTRY_PASSWORD: $CI_JOB_TOKEN

build:
  stage: build
  image: docker:24
  script:
%%S env-lookup | predefined CI variables
    - docker login -u gitlab-ci-token -p "$CI_REGISTRY_PASSWORD" "$CI_REGISTRY"
    - docker build -t "$CI_REGISTRY_IMAGE:$CI_COMMIT_SHA" .

deploy:
  stage: deploy
  script:
%%F gitlab-token | runner authentication token
    - gitlab-runner register --non-interactive --url https://gitlab.acme.internal --token @@glrt:1@@ --executor docker
%%F url-credentials | push URL with embedded credentials
    - git push "https://release-bot:@@urlpw:glpush@@@gitlab.acme.internal/platform/charts.git" HEAD:main
%%S hash | commit SHA
    - ./deploy.sh --revision @@hex40:glrev@@
''')

add(".circleci/config.yml", r'''
version: 2.1
jobs:
  build:
    docker:
      - image: cimg/node:20.11
        auth:
          username: acmebot
%%S env-lookup | project environment variable
          password: $DOCKERHUB_PASSWORD
    environment:
%%F github-app-token | ghu user-to-server token
      GH_USER_TOKEN: @@ghu:1@@
%%F npm-token | npm token in job environment
      NPM_TOKEN: @@npm:3@@
%%F generic | API key literal
      UPLOAD_API_KEY: "@@alnum32:circ@@"
%%S placeholder | masked value
      CODECOV_TOKEN: "***"
    steps:
      - checkout
      - run: npm ci
      - run: npm test
workflows:
  main:
    jobs: [build]
''')

add(".pre-commit-config.yaml", r'''
repos:
  - repo: https://github.com/pre-commit/pre-commit-hooks
%%S hash | pinned commit SHA
    rev: @@hex40:pc1@@
    hooks:
      - id: check-yaml
      - id: end-of-file-fixer
''')

# =====================================================================
# docs
# =====================================================================
add("docs/api.md", r'''
# Billing API

Authenticate with a bearer token:

```bash
%%F jwt | real-looking token in a curl example
curl -H "Authorization: Bearer @@jwt_hs:docs@@" https://api.acme.example/v1/invoices
```

Or, in your own scripts:

```bash
%%S placeholder | angle-bracket placeholder
curl -H "Authorization: Bearer <your-api-key>" https://api.acme.example/v1/invoices
```

List endpoints are paginated:

```json
{
  "invoices": [],
%%S base64-blob | pagination token
  "nextPageToken": "@@b64u80:page@@"
}
```

Database connection strings use the usual form
%%S placeholder | documentation placeholder URL
`postgres://user:password@host:5432/db`.

Service accounts authenticate with a PKCS#8 key:

```
%%S placeholder | elided PEM in documentation
-----BEGIN PRIVATE KEY-----
...
-----END PRIVATE KEY-----
```

Webhook payloads are signed; verify them with our public key:

```
%%S public-key | PGP public key block
@@pgppub:webhooks@@
```
''')

add("docs/onboarding.md", r'''
# Platform onboarding

## AWS

Temporary credentials look like this (copied from the shared bastion, 2024-03-02):

```json
{
  "Credentials": {
%%F aws-access-key-id | session key id pasted into docs
    "AccessKeyId": "@@asia:2@@",
%%F aws-secret-access-key | secret pasted into docs
    "SecretAccessKey": "@@awssecret:5@@",
    "Expiration": "2024-03-02T21:14:07Z"
  }
}
```

%%S identifier | Secrets Manager name
The database password is stored in Secrets Manager under `secret_name = "prod/db"`,
%%S uuid-or-id | secret ARN
ARN `arn:aws:secretsmanager:eu-west-1:@@awsacct:4@@:secret:prod/db-@@alnum6:smsfx@@`.

## Git hosting

%%S placeholder | x-ed out token shape
Create a token of the form `glpat-xxxxxxxxxxxxxxxxxxxx` with `read_repository` scope.

## Dashboards

%%F url-credentials | admin credentials in a URL
The shared Grafana is at https://admin:@@urlpw:graf@@@grafana.acme.internal/ (ask #platform to rotate).
%%F stripe-secret-key | restricted key shared in docs
Finance exports use the restricted key `@@rklive:3@@`.

## SSH

Add your public key to `platform-tools/ssh/authorized_keys`, for example:

%%S public-key | ed25519 public key
    @@sshed:alice@@ alice@acme.example
''')
