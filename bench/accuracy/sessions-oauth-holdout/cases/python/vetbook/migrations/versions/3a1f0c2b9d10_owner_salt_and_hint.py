"""owner password salt and hint

Revision ID: 3a1f0c2b9d10
Revises: 1c0d9e8f7a65
Create Date: 2024-02-12 09:41:07.112233
"""
import sqlalchemy as sa
from alembic import op

revision = "3a1f0c2b9d10"
down_revision = "1c0d9e8f7a65"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("owners", sa.Column("password_salt", sa.String(length=32), nullable=True))
    op.add_column("owners", sa.Column("password_hint", sa.String(length=40), nullable=True))
    op.add_column("owners", sa.Column("marketing_opt_in", sa.Boolean(), server_default=sa.false(), nullable=False))
    op.create_index("ix_owners_phone", "owners", ["phone"])


def downgrade():
    op.drop_index("ix_owners_phone", table_name="owners")
    op.drop_column("owners", "marketing_opt_in")
    op.drop_column("owners", "password_hint")
    op.drop_column("owners", "password_salt")
