package main

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/golang-jwt/jwt/v5"
	"github.com/google/uuid"
	"gorm.io/gorm"
)

type studentClaims struct {
	TV int `json:"tv"`
	jwt.RegisteredClaims
}

func hexSHA(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

func (s *server) accessFor(st *Student) (string, error) {
	now := time.Now()
	return jwt.NewWithClaims(jwt.SigningMethodHS256, studentClaims{TV: st.TokenVersion, RegisteredClaims: jwt.RegisteredClaims{
		ID: uuid.NewString(), Subject: strconv.FormatUint(uint64(st.ID), 10),
		IssuedAt: jwt.NewNumericDate(now), ExpiresAt: jwt.NewNumericDate(now.Add(15 * time.Minute)),
	}}).SignedString(s.key)
}

// mintRefresh inserts a refresh-token row in the given family.
func mintRefresh(tx *gorm.DB, studentID uint, family string) (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	raw := base64.RawURLEncoding.EncodeToString(b)
	row := RefreshToken{StudentID: studentID, Family: family, Hash: hexSHA(raw), ExpiresAt: time.Now().Add(7 * 24 * time.Hour)}
	return raw, tx.Create(&row).Error
}

// resign re-signs a desktop refresh JWT with a fresh expiry.
func (s *server) resign(claims *jwt.RegisteredClaims) (string, error) {
	claims.ExpiresAt = jwt.NewNumericDate(time.Now().Add(7 * 24 * time.Hour))
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(s.key)
}

// requireStudent rejects tokens whose version is older than the student's.
func (s *server) requireStudent(c *gin.Context) {
	raw, ok := strings.CutPrefix(c.GetHeader("Authorization"), "Bearer ")
	cl := &studentClaims{}
	if _, err := jwt.ParseWithClaims(raw, cl, func(*jwt.Token) (any, error) { return s.key, nil }, jwt.WithValidMethods([]string{"HS256"})); !ok || err != nil {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	var st Student
	if err := s.db.First(&st, cl.Subject).Error; err != nil || st.TokenVersion != cl.TV {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	c.Set("student", &st)
	c.Set("claims", cl)
	c.Next()
}
