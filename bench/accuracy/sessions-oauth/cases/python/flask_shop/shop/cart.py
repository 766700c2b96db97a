from flask import Blueprint, current_app, jsonify, redirect, render_template, request, session, url_for
from flask_login import current_user, login_required

from . import csrf, db
from .forms import AddToCartForm
from .models import Order, Product, WishlistItem

cart_bp = Blueprint("cart", __name__, url_prefix="/cart")


def _cart():
    return session.get("cart", {})


@cart_bp.get("/")
def view_cart():
    items = []
    for sku, qty in _cart().items():
        product = Product.query.filter_by(sku=sku).first()
        if product:
            items.append((product, qty))
    total = sum(p.price_cents * q for p, q in items)
    return render_template("cart/view.html", items=items, total=total)


@cart_bp.post("/add/<sku>")
def add_item(sku):
    form = AddToCartForm()
    if not form.validate_on_submit():
        return render_template("cart/view.html", form=form), 400
    cart = _cart()
    cart[sku] = cart.get(sku, 0) + form.quantity.data
    session["cart"] = cart
    return redirect(request.referrer or url_for("cart.view_cart"))


@cart_bp.post("/quick-add")
@login_required
@csrf.exempt  # the mini-cart widget posts JSON
def quick_add():
    payload = request.get_json(silent=True) or {}
    sku = payload.get("sku")
    if not Product.query.filter_by(sku=sku).first():
        return jsonify(error="unknown product"), 404
    cart = _cart()
    cart[sku] = cart.get(sku, 0) + 1
    session.update(cart=cart, cart_updated_by=current_user.id)
    return jsonify(count=sum(cart.values()))


@cart_bp.post("/wishlist/<sku>")
@csrf.exempt  # toggled from the product grid with fetch()
@login_required
def toggle_wishlist(sku):
    existing = WishlistItem.query.filter_by(user_id=current_user.id, sku=sku).first()
    if existing:
        db.session.delete(existing)
    else:
        db.session.add(WishlistItem(user_id=current_user.id, sku=sku))
    db.session.commit()
    return jsonify(saved=existing is None)


@cart_bp.post("/currency")
def set_currency():
    code = request.form.get("currency", "EUR").upper()
    if code in current_app.config["SUPPORTED_CURRENCIES"]:
        session["currency"] = code
    return redirect(url_for("cart.view_cart"))


@cart_bp.post("/checkout")
@login_required
def checkout():
    cart = _cart()
    if not cart:
        return redirect(url_for("cart.view_cart", empty=1))
    products = {p.sku: p for p in Product.query.filter(Product.sku.in_(cart)).all()}
    order = Order(user_id=current_user.id,
                  total_cents=sum(products[s].price_cents * q for s, q in cart.items() if s in products))
    db.session.add(order)
    db.session.commit()
    session.pop("cart", None)
    return redirect(f"/account/orders/{order.id}")
