package main

import (
	"net/http"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/google/uuid"
	"golang.org/x/crypto/bcrypt"
	"gorm.io/gorm"
)

type refreshBody struct {
	RefreshToken string `json:"refresh_token" binding:"required"`
}

type RefreshResponse struct {
	AccessToken  string `json:"access_token"`
	RefreshToken string `json:"refresh_token"`
}

func (s *server) presented(c *gin.Context) (*refreshBody, *RefreshToken, *Student, bool) {
	var in refreshBody
	if err := c.ShouldBindJSON(&in); err != nil {
		c.AbortWithStatus(http.StatusBadRequest)
		return nil, nil, nil, false
	}
	var rt RefreshToken
	var st Student
	if err := s.db.Where("hash = ? AND expires_at > ?", hexSHA(in.RefreshToken), time.Now()).First(&rt).Error; err != nil ||
		s.db.First(&st, rt.StudentID).Error != nil {
		c.AbortWithStatus(http.StatusUnauthorized)
		return nil, nil, nil, false
	}
	return &in, &rt, &st, true
}

func (s *server) login(c *gin.Context) {
	var st Student
	if err := s.db.Where("email = ?", strings.ToLower(c.PostForm("email"))).First(&st).Error; err != nil ||
		bcrypt.CompareHashAndPassword([]byte(st.PasswordHash), []byte(c.PostForm("password"))) != nil {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	at, _ := s.accessFor(&st)
	family := uuid.NewString()
	s.db.Create(&Family{ID: family})
	rt, err := mintRefresh(s.db, st.ID, family)
	if err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	c.JSON(http.StatusOK, RefreshResponse{AccessToken: at, RefreshToken: rt})
}

func (s *server) logout(c *gin.Context) {
	c.JSON(http.StatusOK, gin.H{"logged_out": true})
}

func (s *server) logoutAll(c *gin.Context) {
	st := c.MustGet("student").(*Student)
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if err := tx.Where("student_id = ?", st.ID).Delete(&RefreshToken{}).Error; err != nil {
			return err
		}
		return tx.Model(st).Update("token_version", gorm.Expr("token_version + 1")).Error
	})
	if err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	c.Status(http.StatusNoContent)
}

func (s *server) resetPassword(c *gin.Context) {
	var in struct {
		Email    string `json:"email" binding:"required"`
		Code     string `json:"code" binding:"required"`
		Password string `json:"password" binding:"required,min=10"`
	}
	if err := c.ShouldBindJSON(&in); err != nil {
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	var studentID uint
	if err := s.db.Raw(`DELETE FROM reset_codes WHERE email = ? AND code_hash = ? AND expires_at > now() RETURNING student_id`,
		strings.ToLower(in.Email), hexSHA(in.Code)).Scan(&studentID).Error; err != nil || studentID == 0 {
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	hash, _ := bcrypt.GenerateFromPassword([]byte(in.Password), 12)
	if err := s.db.Model(&Student{}).Where("id = ?", studentID).Update("password_hash", string(hash)).Error; err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	c.Status(http.StatusNoContent)
}
