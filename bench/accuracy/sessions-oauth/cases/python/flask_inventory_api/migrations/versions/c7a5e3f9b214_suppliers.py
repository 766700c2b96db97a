"""supplier portal accounts and password reset codes

Revision ID: c7a5e3f9b214
Revises: 9d41c7e6a2b5
Create Date: 2024-07-08 13:15:02.774410
"""
import sqlalchemy as sa
from alembic import op

revision = "c7a5e3f9b214"
down_revision = "9d41c7e6a2b5"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "suppliers",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("company", sa.String(120), nullable=False),
        sa.Column("login", sa.String(60), nullable=False, unique=True),
        sa.Column("password_hash", sa.String(45), nullable=False),
    )
    op.add_column("users", sa.Column("reset_code_hash", sa.String(64), nullable=True))
    op.create_index("ix_users_reset_code_hash", "users", ["reset_code_hash"])


def downgrade():
    op.drop_index("ix_users_reset_code_hash", table_name="users")
    op.drop_column("users", "reset_code_hash")
    op.drop_table("suppliers")
