"""Dock office back-office: staff sign in with a password and manage berths."""
from functools import wraps

from flask import Blueprint, abort, g, redirect, render_template, request, session, url_for

from .models import Berth, DockStaff, db

bp = Blueprint("admin", __name__, url_prefix="/office")


def staff_required(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        staff_id = session.get("staff_id") or session.get("dockmaster_id")
        g.staff = db.session.get(DockStaff, staff_id) if staff_id else None
        if g.staff is None:
            abort(401)
        return view(*args, **kwargs)
    return wrapper


@bp.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "GET":
        return render_template("office/login.html")
    staff = DockStaff.query.filter_by(username=request.form["username"].strip()).first()
    if staff is None or not staff.check_password(request.form["password"]):
        return render_template("office/login.html", error="Wrong username or password"), 401
    if staff.is_dockmaster:
        session.update({"dockmaster_id": staff.id, "pier": staff.pier})
    else:
        session["staff_id"] = staff.id
    return render_template("office/dashboard.html", staff=staff)


@bp.route("/berths")
@staff_required
def berths():
    pier = request.args.get("pier") or session.get("last_pier", "A")
    session["last_pier"] = pier
    rows = Berth.query.filter_by(pier=pier).order_by(Berth.number).all()
    return render_template("office/berths.html", berths=rows, pier=pier)


@bp.route("/berths/<int:berth_id>/release", methods=["POST"])
@staff_required
def release(berth_id):
    berth = db.session.get(Berth, berth_id) or abort(404)
    berth.holder_id = None
    db.session.commit()
    return redirect(request.referrer or url_for("admin.berths"))


@bp.route("/berths/<int:berth_id>/assign", methods=["POST"])
@staff_required
def assign(berth_id):
    berth = db.session.get(Berth, berth_id) or abort(404)
    berth.holder_id = int(request.form["holder_id"])
    db.session.commit()
    return redirect(url_for("admin.berths", pier=berth.pier))


@bp.route("/logout", methods=["POST"])
def logout():
    session.clear()
    return render_template("office/login.html", message="Signed out")
