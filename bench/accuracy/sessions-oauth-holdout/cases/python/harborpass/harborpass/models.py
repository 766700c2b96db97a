"""Models for berth holders, dock staff and berths."""
from flask_sqlalchemy import SQLAlchemy
from werkzeug.security import check_password_hash

db = SQLAlchemy()


class BerthHolder(db.Model):
    __tablename__ = "berth_holders"

    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(254), unique=True, nullable=False)
    vessel_name = db.Column(db.String(80))
    password_hash = db.Column(db.String(255))
    hm_subject = db.Column(db.String(64), unique=True)

    def check_password(self, raw):
        return bool(self.password_hash) and check_password_hash(self.password_hash, raw)


class DockStaff(db.Model):
    __tablename__ = "dock_staff"

    id = db.Column(db.Integer, primary_key=True)
    username = db.Column(db.String(40), unique=True, nullable=False)
    pier = db.Column(db.String(4))
    is_dockmaster = db.Column(db.Boolean, default=False, nullable=False)
    password_hash = db.Column(db.String(255), nullable=False)

    def check_password(self, raw):
        return check_password_hash(self.password_hash, raw)


class Berth(db.Model):
    __tablename__ = "berths"

    id = db.Column(db.Integer, primary_key=True)
    pier = db.Column(db.String(4), nullable=False)
    number = db.Column(db.Integer, nullable=False)
    length_m = db.Column(db.Numeric(5, 2), nullable=False)
    holder_id = db.Column(db.Integer, db.ForeignKey("berth_holders.id"))


class PartnerBooking(db.Model):
    __tablename__ = "partner_bookings"

    id = db.Column(db.Integer, primary_key=True)
    external_ref = db.Column(db.String(64), unique=True, nullable=False)
    berth_id = db.Column(db.Integer, db.ForeignKey("berths.id"))
    arrives_on = db.Column(db.Date, nullable=False)
