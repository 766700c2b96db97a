import hashlib
import hmac
import os

from flask import Blueprint, abort, jsonify, request

from . import csrf, db
from .models import Product

media_bp = Blueprint("media", __name__, url_prefix="/media")

CDN_SIGNING_KEY = os.environ.get("CDN_SIGNING_KEY", "").encode()


def _require_cdn_signature():
    received = request.headers.get("X-Cdn-Signature", "")
    expected = hmac.new(CDN_SIGNING_KEY, request.get_data(), hashlib.sha256).hexdigest()
    if not CDN_SIGNING_KEY or not hmac.compare_digest(received, expected):
        abort(403)


@media_bp.post("/cdn-callback")
@csrf.exempt
def cdn_callback():
    _require_cdn_signature()
    payload = request.get_json(force=True)
    product = Product.query.filter_by(sku=payload.get("sku")).first()
    if product is None:
        return jsonify(ignored=True), 202
    product.image_url = payload["url"]
    db.session.commit()
    return jsonify(updated=product.sku)


@media_bp.get("/<sku>")
def image_for(sku):
    product = Product.query.filter_by(sku=sku).first_or_404()
    return jsonify(sku=product.sku, url=product.image_url)
