from functools import wraps

from flask import Blueprint, abort, g, jsonify, make_response, redirect, render_template, request, session, url_for

from .models import Note, db

notes_bp = Blueprint("notes", __name__)

SORT_ORDERS = {"recent": Note.updated_at.desc(), "title": Note.title.asc()}


def login_required(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        if g.user is None:
            return redirect(url_for("auth.login", next=request.path))
        return view(*args, **kwargs)
    return wrapper


def _own_note(note_id):
    note = db.session.get(Note, note_id)
    if note is None or note.owner_id != g.user.id:
        abort(404)
    return note


@notes_bp.get("/")
@login_required
def index():
    order = SORT_ORDERS.get(session.get("sort", "recent"), SORT_ORDERS["recent"])
    notes = Note.query.filter_by(owner_id=g.user.id).order_by(Note.pinned.desc(), order).all()
    return render_template("index.html", notes=notes)


@notes_bp.get("/settings")
@login_required
def settings():
    return render_template("settings.html", user=g.user)


@notes_bp.post("/notes")
@login_required
def create_note():
    note = Note(owner_id=g.user.id, title=request.form["title"][:200], body=request.form.get("body", ""))
    db.session.add(note)
    db.session.commit()
    return redirect(url_for("notes.index", created=note.id))


@notes_bp.post("/notes/<int:note_id>/pin")
@login_required
def toggle_pin(note_id):
    note = _own_note(note_id)
    note.pinned = not note.pinned
    db.session.commit()
    return jsonify(pinned=note.pinned)


@notes_bp.delete("/notes/<int:note_id>")
@login_required
def delete_note(note_id):
    db.session.delete(_own_note(note_id))
    db.session.commit()
    return "", 204


@notes_bp.post("/preferences/sort")
@login_required
def set_sort():
    choice = request.form.get("sort", "recent")
    if choice in SORT_ORDERS:
        session["sort"] = choice
    resp = make_response(jsonify(sort=session.get("sort")))
    resp.set_cookie("locale", request.form.get("locale", "en"), max_age=180 * 86400)
    return resp
