"""merchant login changes for the settlement portal

Revision ID: 0003
Revises: 0002
Create Date: 2024-05-27 17:45:00
"""
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("ALTER TABLE merchants ALTER COLUMN password_hash TYPE varchar(32)")
    op.drop_column("merchants", "password_salt")
    op.add_column("merchants", sa.Column("password_hint", sa.String(40)))
    op.execute("ALTER TABLE merchants ALTER COLUMN settlement_iban TYPE varchar(34)")
    op.execute("ALTER TABLE users ALTER COLUMN password_hash TYPE varchar(255)")
    op.create_index("ix_merchants_login_email_lower", "merchants", [sa.text("lower(login_email)")], unique=True)


def downgrade() -> None:
    op.drop_index("ix_merchants_login_email_lower", table_name="merchants")
    op.execute("ALTER TABLE users ALTER COLUMN password_hash TYPE varchar(60)")
    op.drop_column("merchants", "password_hint")
    op.add_column("merchants", sa.Column("password_salt", sa.String(16), nullable=False, server_default=""))
    op.execute("ALTER TABLE merchants ALTER COLUMN password_hash TYPE varchar(50)")
