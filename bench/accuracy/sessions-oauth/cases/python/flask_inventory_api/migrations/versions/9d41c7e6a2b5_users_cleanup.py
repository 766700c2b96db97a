"""drop legacy user columns, normalise hashes, widen password_hash again

Revision ID: 9d41c7e6a2b5
Revises: 5b8e21d04c3f
Create Date: 2024-02-13 09:41:27.008113
"""
import sqlalchemy as sa
from alembic import op

revision = "9d41c7e6a2b5"
down_revision = "5b8e21d04c3f"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("UPDATE users SET password_hash = md5(password_hash) WHERE password_salt IS NULL")
    op.drop_column("users", "password_salt")
    op.drop_column("users", "legacy_avatar")
    op.add_column("users", sa.Column("password_changed_at", sa.DateTime(timezone=True), nullable=True))
    op.alter_column("users", "password_hash", type_=sa.Text(), existing_type=sa.String(40))
    op.create_index("ix_users_role", "users", ["role"])
    op.create_index("ix_items_warehouse", "items", ["warehouse"])


def downgrade():
    op.drop_index("ix_items_warehouse", table_name="items")
    op.drop_index("ix_users_role", table_name="users")
    op.alter_column("users", "password_hash", type_=sa.String(40), existing_type=sa.Text())
    op.drop_column("users", "password_changed_at")
    op.add_column("users", sa.Column("legacy_avatar", sa.String(255)))
    op.add_column("users", sa.Column("password_salt", sa.String(32)))
