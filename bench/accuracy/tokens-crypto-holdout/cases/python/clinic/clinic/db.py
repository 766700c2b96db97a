"""SQLAlchemy models (trimmed to what the handlers use)."""
import hashlib
import secrets

from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()


class Appointment(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    clinic_id = db.Column(db.String(32), index=True)
    doctor_id = db.Column(db.Integer, index=True)
    staff_role = db.Column(db.String(32))
    starts_at = db.Column(db.DateTime)
    status = db.Column(db.String(16), default="booked")
    allow_overbook = db.Column(db.Boolean, default=False)

    @classmethod
    def waiting(cls):
        return cls.query.filter_by(status="waiting").order_by(cls.starts_at).all()

    @classmethod
    def from_dict(cls, data):
        return cls(**{k: v for k, v in data.items() if k in {"clinic_id", "doctor_id", "starts_at"}})

    def to_dict(self, full=True):
        out = {"id": self.id, "starts_at": self.starts_at.isoformat(), "status": self.status}
        if full:
            out["doctor_id"] = self.doctor_id
        return out


class Doctor(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(120))
    private_notes = db.relationship("DoctorNote", lazy="select")


class DoctorNote(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    doctor_id = db.Column(db.Integer, db.ForeignKey("doctor.id"))
    body = db.Column(db.Text)

    def to_dict(self):
        return {"id": self.id, "body": self.body}


class StaffMember(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(200), unique=True)
    role = db.Column(db.String(32))
    password_hash = db.Column(db.String(200))


class ApiClient(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(120))
    key_digest = db.Column(db.String(64))
    client_secret = db.Column(db.String(64))

    @classmethod
    def create(cls, name, raw_key):
        """Only a digest of the (random, 256-bit) API key is kept."""
        client = cls(name=name, key_digest=hashlib.sha256(raw_key.encode()).hexdigest(), client_secret=secrets.token_hex(32))
        db.session.add(client)
        db.session.commit()
        return client


class LabResult(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    payload = db.Column(db.JSON)

    @classmethod
    def ingest(cls, data):
        db.session.add(cls(payload=data))
