"""Booking, listing and cancelling appointments."""
from datetime import date, datetime, timedelta

from flask import Blueprint, abort, current_app, jsonify, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from .extensions import csrf, db
from .models import Appointment, Pet

bp = Blueprint("appointments", __name__, url_prefix="/appointments")


def _owned_pet_or_404(pet_id):
    pet = db.session.get(Pet, pet_id)
    if pet is None or f"owner:{pet.owner_id}" != current_user.get_id():
        abort(404)
    return pet


def _owned_appointment_or_404(appt_id):
    appt = db.session.get(Appointment, appt_id)
    if appt is None:
        abort(404)
    _owned_pet_or_404(appt.pet_id)
    return appt


@bp.route("/")
@login_required
def upcoming():
    pet_ids = [p.id for p in current_user.pets]
    rows = (Appointment.query.filter(Appointment.pet_id.in_(pet_ids))
            .filter(Appointment.starts_at >= datetime.utcnow())
            .order_by(Appointment.starts_at).all())
    return render_template("appointments/upcoming.html", appointments=rows)


@bp.route("/today")
@login_required
def today_for_owner():
    return render_template("kiosk/today.html", day=date.today())


@bp.route("/day-sheet")
@login_required
def day_sheet():
    start = datetime.combine(date.today(), datetime.min.time())
    rows = Appointment.query.filter(Appointment.starts_at.between(start, start + timedelta(days=1))).all()
    return render_template("appointments/day_sheet.html", appointments=rows)


@bp.route("/", methods=["POST"])
@login_required
def book():
    pet = _owned_pet_or_404(int(request.form["pet_id"]))
    starts_at = datetime.fromisoformat(request.form["starts_at"])
    horizon = datetime.utcnow() + timedelta(days=current_app.config["BOOKING_WINDOW_DAYS"])
    if starts_at > horizon:
        abort(422)
    appt = Appointment(pet_id=pet.id, clinic_id=int(request.form["clinic_id"]),
                       starts_at=starts_at, reason=request.form.get("reason", "")[:200])
    db.session.add(appt)
    db.session.commit()
    return redirect(url_for("appointments.detail", appt_id=appt.id))


@bp.route("/<int:appt_id>")
@login_required
def detail(appt_id):
    return render_template("appointments/detail.html", appointment=_owned_appointment_or_404(appt_id))


@bp.route("/<int:appt_id>/cancel", methods=["POST"])
@csrf.exempt
@login_required
def cancel(appt_id):
    appt = _owned_appointment_or_404(appt_id)
    if appt.status != "booked":
        return jsonify(error="not_cancellable"), 409
    appt.status = "cancelled"
    db.session.commit()
    return jsonify(status="cancelled", id=appt.id)
