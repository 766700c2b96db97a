"""HTTP endpoints of the billing API."""
import hashlib
import hmac
import json
import logging

from flask import Blueprint, Response, abort, g, jsonify, request

from . import settings
from .auth import legacy_mobile_subject, require_auth, require_scope, tenant_from_token
from .models import ExportJob, Invoice, Refund, User, db

bp = Blueprint("billing", __name__, url_prefix="/api")
logger = logging.getLogger(__name__)


@bp.get("/invoices/<int:invoice_id>")
@require_auth
def get_invoice(invoice_id):
    invoice = Invoice.query.filter_by(id=invoice_id, tenant_id=g.claims["tenant_id"]).first_or_404()
    body = json.dumps(invoice.to_dict(), sort_keys=True).encode()
    etag = hashlib.md5(body).hexdigest()
    if request.if_none_match.contains(etag):
        return Response(status=304)
    resp = Response(body, mimetype="application/json")
    resp.set_etag(etag)
    return resp


@bp.post("/invoices/<int:invoice_id>/refund")
@require_auth
def refund_invoice(invoice_id):
    if request.headers.get("X-User-Role") != "finance-admin":
        abort(403)
    invoice = Invoice.query.filter_by(id=invoice_id, tenant_id=g.claims["tenant_id"]).first_or_404()
    refund = Refund(invoice=invoice, amount=invoice.total, reason=request.json.get("reason", ""))
    db.session.add(refund)
    db.session.commit()
    return jsonify({"refund_id": refund.id}), 201


@bp.post("/invoices/<int:invoice_id>/void")
@require_auth
def void_invoice(invoice_id):
    if not request.json.get("is_admin"):
        abort(403)
    invoice = Invoice.query.filter_by(id=invoice_id, tenant_id=g.claims["tenant_id"]).first_or_404()
    invoice.status = "void"
    db.session.commit()
    return jsonify(invoice.to_dict())


@bp.post("/webhooks/psp")
def psp_webhook():
    payload = request.get_data()
    received = request.headers.get("X-PSP-Signature", "")
    expected = hmac.new(settings.WEBHOOK_SECRET, payload, hashlib.sha256).hexdigest()
    if expected != received:
        abort(400)
    event = json.loads(payload)
    Invoice.mark_paid(event["invoice_id"], event["amount"])
    return "", 204


@bp.get("/users/<int:user_id>")
@require_auth
@require_scope("billing:admin")
def get_user(user_id):
    user = User.query.filter_by(id=user_id, tenant_id=g.claims["tenant_id"]).first_or_404()
    return jsonify({"id": user.id, "email": user.email, "password_hash": user.password_hash})


@bp.get("/users")
@require_auth
@require_scope("billing:admin")
def list_users():
    query = User.query.filter_by(tenant_id=g.claims["tenant_id"])
    if request.args.get("sort") == "role":
        query = query.order_by(User.role)
    return jsonify([{"id": u.id, "email": u.email, "has_password": u.password_hash is not None} for u in query])


@bp.get("/mobile/invoices")
def mobile_invoices():
    subject = legacy_mobile_subject(request.headers.get("X-Mobile-Token", ""))
    invoices = Invoice.query.filter_by(owner_id=subject).order_by(Invoice.issued_at.desc()).limit(20)
    return jsonify([i.to_dict() for i in invoices])


@bp.post("/exports")
def start_export():
    tenant_id = tenant_from_token(request.headers.get("Authorization", "")[len("Bearer "):])
    job = ExportJob(tenant_id=tenant_id, bucket=settings.EXPORT_BUCKET, fmt=request.args.get("format", "csv"))
    db.session.add(job)
    db.session.commit()
    return jsonify({"job_id": job.id}), 202
