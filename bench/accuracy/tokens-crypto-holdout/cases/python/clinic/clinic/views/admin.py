"""Clinic administration: staff accounts, API clients."""
import logging
import secrets

from flask import Blueprint, abort, g, jsonify, request

from clinic.auth.passwords import hash_password
from clinic.auth.tokens import verify_staff_token
from clinic.db import ApiClient, StaffMember, db

bp = Blueprint("admin", __name__, url_prefix="/admin")
logger = logging.getLogger("clinic.admin")


@bp.before_request
def require_admin():
    auth = request.headers.get("Authorization", "")
    g.claims = verify_staff_token(auth.removeprefix("Bearer "))
    if "clinic-admin" not in g.claims.get("roles", []):
        abort(403)


@bp.get("/staff")
def list_staff():
    query = StaffMember.query
    if request.args.get("role") == "nurse":
        query = query.filter(StaffMember.role == "nurse")
    return jsonify([s.to_dict() for s in query.all()])


@bp.get("/staff/<int:staff_id>")
def get_staff(staff_id):
    member = StaffMember.query.get_or_404(staff_id)
    return jsonify({"id": member.id, "email": member.email, "role": member.role, "password_hash": member.password_hash})


@bp.post("/staff")
def create_staff():
    data = request.get_json()
    password = data["password"]
    if len(password) < 12:
        abort(400, "password too short")
    logger.debug("creating staff %s with password %s", data["email"], password)
    member = StaffMember(email=data["email"], role=data["role"], password_hash=hash_password(password))
    db.session.add(member)
    db.session.commit()
    logger.info("staff %s created, password_set=%s", member.id, bool(member.password_hash))
    return jsonify({"id": member.id, "has_password": True}), 201


@bp.post("/api-clients")
def create_api_client():
    name = request.get_json()["name"]
    raw_key = "clk_" + secrets.token_urlsafe(32)
    client = ApiClient.create(name=name, raw_key=raw_key)
    logger.info("api client %s created with key %s…", client.id, raw_key[:8])
    return jsonify({"id": client.id, "api_key": raw_key}), 201


@bp.get("/api-clients/<int:client_id>")
def get_api_client(client_id):
    client = ApiClient.query.get_or_404(client_id)
    return jsonify({"id": client.id, "name": client.name, "client_secret": client.client_secret})
