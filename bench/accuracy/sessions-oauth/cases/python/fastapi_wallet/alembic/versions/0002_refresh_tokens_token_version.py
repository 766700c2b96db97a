"""refresh token table and per-user token_version; retire the jti denylist and coupons

Revision ID: 0002
Revises: 0001
Create Date: 2024-03-19 08:30:00
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "refresh_tokens",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("family_id", postgresql.UUID(as_uuid=True), nullable=False),
        sa.Column("revoked", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_refresh_tokens_family", "refresh_tokens", ["family_id"])
    op.add_column("users", sa.Column("token_version", sa.Integer, nullable=False, server_default="0"))
    op.drop_table("revoked_access_tokens")
    op.drop_table("coupons")


def downgrade() -> None:
    op.create_table(
        "coupons",
        sa.Column("code", sa.String(16), primary_key=True),
        sa.Column("discount_cents", sa.Integer, nullable=False),
    )
    op.create_table(
        "revoked_access_tokens",
        sa.Column("jti", sa.String(32), primary_key=True),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.drop_column("users", "token_version")
    op.drop_index("ix_refresh_tokens_family", table_name="refresh_tokens")
    op.drop_table("refresh_tokens")
