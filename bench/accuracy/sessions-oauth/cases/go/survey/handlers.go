package main

import (
	"net/http"
	"strconv"

	"github.com/gin-contrib/sessions"
	"github.com/gin-gonic/gin"
	"github.com/jackc/pgx/v5/pgxpool"
)

type handler struct{ db *pgxpool.Pool }

// verifyCode signs a respondent in with the one-time code from the invite.
func (h *handler) verifyCode(c *gin.Context) {
	var respondentID int64
	err := h.db.QueryRow(c, `UPDATE invites SET used_at = now() WHERE code = $1 AND used_at IS NULL RETURNING respondent_id`, c.PostForm("code")).Scan(&respondentID)
	if err != nil {
		c.String(http.StatusUnauthorized, "invalid or used code")
		return
	}
	sess := sessions.Default(c)
	sess.Set("respondent_id", respondentID)
	_ = sess.Save()
	c.Redirect(http.StatusSeeOther, "/s/"+strconv.FormatInt(respondentID, 10))
}

func (h *handler) showSurvey(c *gin.Context) {
	c.SetCookie("survey_progress", c.Param("id")+":0", 3600, "/s", "", false, false)
	c.File("static/survey.html")
}

func (h *handler) answer(c *gin.Context) {
	rid, _ := sessions.Default(c).Get("respondent_id").(int64)
	if rid == 0 {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	_, err := h.db.Exec(c, `INSERT INTO answers (survey_id, respondent_id, question, value) VALUES ($1, $2, $3, $4)`,
		c.Param("id"), rid, c.PostForm("q"), c.PostForm("v"))
	if err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	c.Status(http.StatusNoContent)
}

func (h *handler) finish(c *gin.Context) {
	rid, _ := sessions.Default(c).Get("respondent_id").(int64)
	_, _ = h.db.Exec(c, `UPDATE responses SET finished_at = now() WHERE survey_id = $1 AND respondent_id = $2`, c.Param("id"), rid)
	if c.Query("thanks_url") != "" {
		c.Redirect(http.StatusFound, c.Query("thanks_url"))
		return
	}
	c.Redirect(http.StatusFound, "/s/"+c.Param("id")+"/done")
}

// done sends the respondent to the thank-you page the survey owner configured.
func (h *handler) done(c *gin.Context) {
	var thanksURL string
	if err := h.db.QueryRow(c, `SELECT thanks_url FROM surveys WHERE id = $1`, c.Param("id")).Scan(&thanksURL); err != nil || thanksURL == "" {
		c.String(http.StatusOK, "Thank you!")
		return
	}
	c.Redirect(http.StatusFound, thanksURL)
}
