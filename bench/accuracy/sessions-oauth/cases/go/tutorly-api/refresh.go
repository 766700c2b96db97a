package main

import (
	"errors"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/golang-jwt/jwt/v5"
	"gorm.io/gorm"
)

// refresh marks the presented token used; a second use revokes the family.
func (s *server) refresh(c *gin.Context) {
	_, old, st, ok := s.presented(c)
	if !ok {
		return
	}
	var next string
	err := s.db.Transaction(func(tx *gorm.DB) error {
		res := tx.Model(&RefreshToken{}).Where("id = ? AND used_at IS NULL", old.ID).Update("used_at", time.Now())
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			tx.Model(&Family{}).Where("id = ?", old.Family).Update("revoked", true)
			return errors.New("refresh token reuse")
		}
		var err error
		next, err = mintRefresh(tx, st.ID, old.Family)
		return err
	})
	if err != nil {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	at, _ := s.accessFor(st)
	c.JSON(http.StatusOK, RefreshResponse{AccessToken: at, RefreshToken: next})
}

func (s *server) refreshClassroom(c *gin.Context) {
	_, old, st, ok := s.presented(c)
	if !ok {
		return
	}
	var classroomRT string
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if err := tx.Delete(old).Error; err != nil {
			return err
		}
		var err error
		classroomRT, err = mintRefresh(tx, st.ID, old.Family)
		return err
	})
	if err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	at, _ := s.accessFor(st)
	c.JSON(http.StatusOK, RefreshResponse{AccessToken: at, RefreshToken: classroomRT})
}

// refreshIOS refuses tokens from a revoked family.
func (s *server) refreshIOS(c *gin.Context) {
	_, old, st, ok := s.presented(c)
	if !ok {
		return
	}
	var fam Family
	if err := s.db.First(&fam, "id = ?", old.Family).Error; err != nil || fam.Revoked {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	iosRT, err := mintRefresh(s.db, st.ID, old.Family)
	if err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	at, _ := s.accessFor(st)
	c.JSON(http.StatusOK, RefreshResponse{AccessToken: at, RefreshToken: iosRT})
}

// refreshDesktop: the Electron app holds a refresh JWT instead of a DB row.
func (s *server) refreshDesktop(c *gin.Context) {
	var in refreshBody
	if err := c.ShouldBindJSON(&in); err != nil {
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	claims := &jwt.RegisteredClaims{}
	if _, err := jwt.ParseWithClaims(in.RefreshToken, claims, func(*jwt.Token) (any, error) { return s.key, nil }, jwt.WithValidMethods([]string{"HS256"})); err != nil {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	var st Student
	if err := s.db.First(&st, claims.Subject).Error; err != nil {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	at, _ := s.accessFor(&st)
	renewed, err := s.resign(claims)
	if err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	c.JSON(http.StatusOK, RefreshResponse{AccessToken: at, RefreshToken: renewed})
}

func (s *server) refreshExtension(c *gin.Context) {
	in, _, st, ok := s.presented(c)
	if !ok {
		return
	}
	at, _ := s.accessFor(st)
	c.JSON(http.StatusOK, RefreshResponse{AccessToken: at, RefreshToken: in.RefreshToken})
}
