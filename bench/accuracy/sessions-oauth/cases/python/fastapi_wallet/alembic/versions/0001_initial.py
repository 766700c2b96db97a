"""initial wallet schema

Revision ID: 0001
Revises:
Create Date: 2024-01-08 12:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("email", sa.String(254), nullable=False, unique=True),
        sa.Column("password_hash", sa.String(60), nullable=False),
        sa.Column("reset_token_hash", sa.CHAR(64)),
        sa.Column("is_admin", sa.Boolean, nullable=False, server_default=sa.false()),
    )
    op.create_table(
        "merchants",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("login_email", sa.String(254), nullable=False, unique=True),
        sa.Column("password_hash", sa.String(50), nullable=False),
        sa.Column("password_salt", sa.String(16), nullable=False),
        sa.Column("settlement_iban", sa.String(34)),
    )
    op.create_table(
        "revoked_access_tokens",
        sa.Column("jti", sa.String(32), primary_key=True),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "coupons",
        sa.Column("code", sa.String(16), primary_key=True),
        sa.Column("discount_cents", sa.Integer, nullable=False),
    )
    op.create_table(
        "transfers",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("sender_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
        sa.Column("recipient_iban", sa.String(34), nullable=False),
        sa.Column("amount_cents", sa.Integer, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now()),
    )
    op.create_index("ix_transfers_sender", "transfers", ["sender_id"])


def downgrade() -> None:
    op.drop_index("ix_transfers_sender", table_name="transfers")
    op.drop_table("transfers")
    op.drop_table("coupons")
    op.drop_table("revoked_access_tokens")
    op.drop_table("merchants")
    op.drop_table("users")
