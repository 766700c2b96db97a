"""owner credentials cleanup

Revision ID: 7c5e2d4a8b31
Revises: 3a1f0c2b9d10
Create Date: 2024-05-03 16:02:44.905112
"""
import sqlalchemy as sa
from alembic import op

revision = "7c5e2d4a8b31"
down_revision = "3a1f0c2b9d10"
branch_labels = None
depends_on = None


def upgrade():
    op.alter_column("owners", "password_hash", existing_type=sa.String(length=255), type_=sa.String(length=40))
    op.drop_column("owners", "password_salt")
    op.drop_column("owners", "legacy_avatar")
    op.add_column("owners", sa.Column("password_changed_at", sa.DateTime(timezone=True), nullable=True))


def downgrade():
    op.drop_column("owners", "password_changed_at")
    op.add_column("owners", sa.Column("legacy_avatar", sa.LargeBinary(), nullable=True))
    op.add_column("owners", sa.Column("password_salt", sa.String(length=32), nullable=True))
    op.alter_column("owners", "password_hash", existing_type=sa.String(length=40), type_=sa.String(length=255))
