from flask import Blueprint, abort, jsonify, request
from flask_jwt_extended import current_user, jwt_required

from .models import Item, db

items_bp = Blueprint("items", __name__)


def _require_role(*roles):
    if current_user.role not in roles:
        abort(403)


@items_bp.get("/")
@jwt_required()
def list_items():
    warehouse = request.args.get("warehouse")
    query = Item.query
    if warehouse:
        query = query.filter_by(warehouse=warehouse)
    return jsonify([{"sku": i.sku, "name": i.name, "quantity": i.quantity} for i in query.limit(500)])


@items_bp.post("/")
@jwt_required()
def create_item():
    _require_role("manager", "admin")
    body = request.get_json(force=True)
    item = Item(sku=body["sku"], name=body["name"], warehouse=body["warehouse"], quantity=body.get("quantity", 0))
    db.session.add(item)
    db.session.commit()
    return jsonify(id=item.id), 201


@items_bp.patch("/<sku>/quantity")
@jwt_required()
def adjust_quantity(sku):
    item = Item.query.filter_by(sku=sku).first_or_404()
    delta = int(request.get_json(force=True).get("delta", 0))
    if item.quantity + delta < 0:
        return jsonify(error="insufficient stock"), 409
    item.quantity += delta
    db.session.commit()
    return jsonify(quantity=item.quantity)
