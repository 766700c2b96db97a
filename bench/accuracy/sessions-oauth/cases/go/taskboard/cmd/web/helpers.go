package main

import (
	"bytes"
	"fmt"
	"html/template"
	"net/http"
	"path/filepath"
)

type templateData struct {
	Next  string
	Error string
	Flash string
	Data  any
}

var templates = template.Must(template.ParseGlob(filepath.Join("ui", "html", "*.tmpl")))

func (app *application) render(w http.ResponseWriter, status int, page string, data templateData) {
	buf := new(bytes.Buffer)
	if err := templates.ExecuteTemplate(buf, page, data); err != nil {
		app.logger.Error("render", "page", page, "err", err)
		http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, _ = buf.WriteTo(w)
}

func (app *application) serverError(w http.ResponseWriter, r *http.Request, err error) {
	app.logger.Error(fmt.Sprintf("%v", err), "method", r.Method, "uri", r.URL.RequestURI())
	http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
}
