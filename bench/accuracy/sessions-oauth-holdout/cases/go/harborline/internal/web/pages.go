package web

import (
	"database/sql"
	"net/http"
	"net/url"
	"strings"

	"github.com/gorilla/mux"

	"github.com/harborline/ferrydesk/internal/auth"
)

// Pages holds the booking-flow handlers that end in a redirect.
type Pages struct {
	DB *sql.DB
}

var destinations = map[string]string{
	"timetable": "/timetable",
	"trips":     "/account/trips",
	"help":      "https://help.harborline.example/",
	"freight":   "https://freight.harborline.example/quote",
}

// Go is the short-link target used in e-mails and SMS reminders.
func (p *Pages) Go(w http.ResponseWriter, r *http.Request) {
	dest, ok := destinations[r.URL.Query().Get("to")]
	if !ok {
		dest = "/"
	}
	http.Redirect(w, r, dest, http.StatusFound)
}

func (p *Pages) ChooseSeats(w http.ResponseWriter, r *http.Request) {
	who := auth.ClaimsFrom(r.Context())
	if _, err := p.DB.ExecContext(r.Context(),
		`UPDATE seat_holds SET seats = $1 WHERE sailing_id = $2 AND passenger_id = $3`,
		r.FormValue("seats"), mux.Vars(r)["id"], who.Subject); err != nil {
		http.Error(w, "those seats were just taken", http.StatusConflict)
		return
	}
	back := r.FormValue("back")
	u, err := url.Parse(back)
	if err != nil || u.IsAbs() || u.Host != "" || !strings.HasPrefix(back, "/") || strings.HasPrefix(back, "//") || strings.HasPrefix(back, "/\\") {
		back = "/checkout"
	}
	http.Redirect(w, r, back, http.StatusSeeOther)
}

func (p *Pages) AfterCheckout(w http.ResponseWriter, r *http.Request) {
	next := r.URL.Query().Get("continue")
	if !strings.Contains(next, "harborline.example") {
		next = "/account/trips"
	}
	http.Redirect(w, r, next, http.StatusFound)
}

// BackToPartner returns a passenger to the partner operator site that sent them.
func (p *Pages) BackToPartner(w http.ResponseWriter, r *http.Request) {
	partner := r.FormValue("return_url")
	if !strings.HasSuffix(partner, ".harborline.example") {
		partner = "https://www.harborline.example/"
	}
	http.Redirect(w, r, partner, http.StatusSeeOther)
}

func (p *Pages) SetTheme(w http.ResponseWriter, r *http.Request) {
	theme := r.FormValue("theme")
	if theme != "dark" {
		theme = "light"
	}
	http.SetCookie(w, &http.Cookie{Name: "theme", Value: theme, Path: "/", MaxAge: 365 * 24 * 3600})
	w.WriteHeader(http.StatusNoContent)
}

func (p *Pages) ResetPreferences(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: "theme", Value: "", Path: "/", MaxAge: -1})
	w.WriteHeader(http.StatusNoContent)
}
