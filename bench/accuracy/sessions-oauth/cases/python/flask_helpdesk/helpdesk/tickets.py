from flask import Blueprint, abort, jsonify, redirect, render_template, request, session, url_for
from flask_login import current_user, login_required

from . import csrf, db
from .models import Account, Ticket

tickets_bp = Blueprint("tickets", __name__, url_prefix="/tickets")

STATUSES = ("open", "pending", "solved", "closed")


def agents_only():
    if current_user.kind not in ("agent", "admin"):
        abort(403)


@tickets_bp.get("/queue")
@login_required
def queue():
    agents_only()
    view = request.args.get("view", session.get("queue_view", "unassigned"))
    session["queue_view"] = view
    query = Ticket.query.filter(Ticket.status.in_(("open", "pending")))
    if view == "mine":
        query = query.filter_by(assignee_id=current_user.id)
    elif view == "unassigned":
        query = query.filter_by(assignee_id=None)
    return render_template("queue.html", tickets=query.order_by(Ticket.updated_at.desc()).all())


@tickets_bp.get("/mine")
@login_required
def my_tickets():
    rows = Ticket.query.filter_by(requester_id=current_user.id).order_by(Ticket.updated_at.desc()).all()
    return render_template("my_tickets.html", tickets=rows)


@tickets_bp.post("/new")
@login_required
def create_ticket():
    ticket = Ticket(requester_id=current_user.id, subject=request.form["subject"][:200])
    db.session.add(ticket)
    db.session.commit()
    return redirect(url_for("tickets.my_tickets", created=ticket.id))


@tickets_bp.post("/bulk-close")
@login_required
@csrf.exempt  # bulk actions post JSON from the queue page
def bulk_close():
    agents_only()
    ids = [int(i) for i in request.get_json(force=True).get("ids", [])]
    Ticket.query.filter(Ticket.id.in_(ids)).update({"status": "closed"}, synchronize_session=False)
    db.session.commit()
    return jsonify(closed=len(ids))


@csrf.exempt  # drag-and-drop assignment on the board
@tickets_bp.post("/<int:ticket_id>/assign")
@login_required
def assign(ticket_id):
    agents_only()
    ticket = Ticket.query.get_or_404(ticket_id)
    assignee = Account.query.filter_by(id=request.form.get("agent_id", type=int), kind="agent").first_or_404()
    ticket.assignee_id = assignee.id
    db.session.commit()
    return jsonify(assignee=assignee.name)


@tickets_bp.post("/<int:ticket_id>/status")
@login_required
def set_status(ticket_id):
    agents_only()
    ticket = Ticket.query.get_or_404(ticket_id)
    new_status = request.form.get("status")
    if new_status not in STATUSES:
        abort(400)
    ticket.status = new_status
    db.session.commit()
    return redirect(url_for("tickets.queue", updated=ticket.id))


@tickets_bp.post("/<int:ticket_id>/merge")
@csrf.exempt  # the merge dialog posts from a modal without the form token
@login_required
def merge(ticket_id):
    agents_only()
    target = Ticket.query.get_or_404(ticket_id)
    source = Ticket.query.get_or_404(request.form.get("source_id", type=int))
    source.status = "closed"
    source.subject = f"[merged into #{target.id}] {source.subject}"[:200]
    db.session.commit()
    return jsonify(merged=source.id, into=target.id)
