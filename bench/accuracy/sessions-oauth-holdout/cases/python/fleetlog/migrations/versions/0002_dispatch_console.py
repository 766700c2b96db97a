"""dispatch console sessions and vendor oauth state

Revision ID: 0002
Revises: 0001
Create Date: 2024-03-21 14:02:19
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "dispatch_sessions",
        sa.Column("sid", sa.String(length=64), primary_key=True),
        sa.Column("driver_id", sa.Integer(), sa.ForeignKey("drivers.id", ondelete="CASCADE"), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now()),
    )
    op.create_table(
        "oauth_states",
        sa.Column("value", sa.String(length=64), primary_key=True),
        sa.Column("driver_id", sa.Integer(), sa.ForeignKey("drivers.id", ondelete="CASCADE"), nullable=False),
        sa.Column("vendor", sa.String(length=32), nullable=False),
    )
    op.add_column("drivers", sa.Column("password_changed_at", sa.DateTime(timezone=True), nullable=True))
    op.drop_table("revoked_tokens")
    op.drop_column("drivers", "fax_number")


def downgrade():
    op.add_column("drivers", sa.Column("fax_number", sa.String(length=32), nullable=True))
    op.create_table(
        "revoked_tokens",
        sa.Column("jti", sa.String(length=36), primary_key=True),
        sa.Column("revoked_at", sa.DateTime(timezone=True), server_default=sa.func.now()),
    )
    op.drop_column("drivers", "password_changed_at")
    op.drop_table("oauth_states")
    op.drop_table("dispatch_sessions")
