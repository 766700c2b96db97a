from flask import Blueprint, abort, jsonify, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from . import db
from .models import Product, Review

reviews_bp = Blueprint("reviews", __name__, url_prefix="/reviews")

MAX_BODY = 2000


@reviews_bp.get("/<sku>")
def list_reviews(sku):
    product = Product.query.filter_by(sku=sku).first_or_404()
    rows = Review.query.filter_by(product_id=product.id).order_by(Review.created_at.desc()).limit(50).all()
    return render_template("reviews/list.html", product=product, reviews=rows)


@reviews_bp.post("/<sku>")
@login_required
def post_review(sku):
    product = Product.query.filter_by(sku=sku).first_or_404()
    rating = request.form.get("rating", type=int)
    if rating not in range(1, 6):
        abort(400)
    db.session.add(Review(product_id=product.id, user_id=current_user.id, rating=rating,
                          body=request.form.get("body", "")[:MAX_BODY]))
    db.session.commit()
    return redirect(url_for("reviews.list_reviews", sku=sku, posted=1))


@reviews_bp.delete("/<int:review_id>")
@login_required
def delete_review(review_id):
    review = Review.query.filter_by(id=review_id, user_id=current_user.id).first_or_404()
    db.session.delete(review)
    db.session.commit()
    return jsonify(deleted=review_id)


@reviews_bp.post("/<int:review_id>/helpful")
@login_required
def mark_helpful(review_id):
    review = Review.query.get_or_404(review_id)
    review.helpful_votes = (review.helpful_votes or 0) + 1
    db.session.commit()
    return jsonify(votes=review.helpful_votes)
