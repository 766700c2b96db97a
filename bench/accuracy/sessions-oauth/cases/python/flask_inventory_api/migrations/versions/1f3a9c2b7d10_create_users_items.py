"""create users, items and token_blocklist

Revision ID: 1f3a9c2b7d10
Revises:
Create Date: 2023-09-04 10:12:44.120391
"""
import sqlalchemy as sa
from alembic import op

revision = "1f3a9c2b7d10"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("email", sa.String(254), nullable=False, unique=True),
        sa.Column("password_hash", sa.String(255), nullable=False),
        sa.Column("password_salt", sa.String(32)),
        sa.Column("legacy_avatar", sa.String(255)),
        sa.Column("country_code", sa.String(8)),
        sa.Column("role", sa.String(20), nullable=False, server_default="clerk"),
    )
    op.create_table(
        "items",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("sku", sa.String(40), nullable=False, unique=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("warehouse", sa.String(10), nullable=False),
    )
    op.create_table(
        "token_blocklist",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("jti", sa.String(36), nullable=False, index=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade():
    op.drop_table("token_blocklist")
    op.drop_table("items")
    op.drop_table("users")
