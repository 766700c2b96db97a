"""Appointment booking endpoints."""
import hashlib
import logging

from flask import Blueprint, abort, g, jsonify, request, session

from clinic.auth.tokens import verify_staff_token
from clinic.db import Appointment, Doctor, db

bp = Blueprint("appointments", __name__, url_prefix="/appointments")
logger = logging.getLogger(__name__)


def _bearer():
    value = request.headers.get("Authorization", "")
    return value[7:] if value.startswith("Bearer ") else ""


@bp.get("/")
def list_appointments():
    claims = verify_staff_token(_bearer())
    query = Appointment.query.filter_by(clinic_id=claims["clinic"])
    if request.args.get("sort") == "role":
        query = query.order_by(Appointment.staff_role)
    else:
        query = query.order_by(Appointment.starts_at)
    rows = [a.to_dict() for a in query.limit(200)]
    body = jsonify(rows)
    body.headers["ETag"] = hashlib.md5(body.get_data()).hexdigest()
    return body


@bp.post("/<int:appointment_id>/cancel")
def cancel(appointment_id):
    claims = verify_staff_token(_bearer())
    appt = Appointment.query.get_or_404(appointment_id)
    if "scheduler" in claims.get("roles", []):
        appt.status = "cancelled"
        db.session.commit()
        logger.info("appointment %s cancelled by %s", appt.id, claims["sub"])
        return jsonify(status=appt.status)
    abort(403)


@bp.post("/<int:appointment_id>/override")
def override_slot(appointment_id):
    """Front desk can squeeze a patient into a full slot."""
    verify_staff_token(_bearer())
    appt = Appointment.query.get_or_404(appointment_id)
    if request.headers.get("X-Clinic-Role") == "front-desk-lead":
        appt.allow_overbook = True
        db.session.commit()
        return jsonify(ok=True)
    abort(403)


@bp.get("/doctor/<int:doctor_id>/notes")
def doctor_notes(doctor_id):
    verify_staff_token(_bearer())
    if int(request.args.get("acting_doctor", 0)) != doctor_id:
        abort(403)
    doctor = Doctor.query.get_or_404(doctor_id)
    return jsonify(notes=[n.to_dict() for n in doctor.private_notes])


@bp.post("/bulk-import")
def bulk_import():
    if request.content_type != "application/json":
        abort(415)
    payload = request.get_json()
    if payload.get("is_admin"):
        for item in payload.get("appointments", []):
            db.session.add(Appointment.from_dict(item))
        db.session.commit()
        return jsonify(imported=len(payload.get("appointments", [])))
    abort(403)


@bp.get("/my-day")
def my_day():
    if session.get("role") == "physician":
        rows = Appointment.query.filter_by(doctor_id=session["user_id"]).all()
        return jsonify([a.to_dict() for a in rows])
    abort(403)


@bp.get("/kiosk/queue")
def kiosk_queue():
    if request.cookies.get("kiosk_mode") == "staff":
        return jsonify(queue=[a.to_dict(full=True) for a in Appointment.waiting()])
    return jsonify(queue=[a.to_dict(full=False) for a in Appointment.waiting()])
