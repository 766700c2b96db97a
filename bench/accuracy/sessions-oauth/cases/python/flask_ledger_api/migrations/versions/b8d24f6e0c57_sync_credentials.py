"""credentials for the nightly accounting-software sync; drop unused api_users notes

Revision ID: b8d24f6e0c57
Revises: 7e4f19c0d2a8
Create Date: 2024-09-30 07:55:18.201447
"""
import sqlalchemy as sa
from alembic import op

revision = "b8d24f6e0c57"
down_revision = "7e4f19c0d2a8"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "sync_credentials",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("provider", sa.String(length=40), nullable=False),
        sa.Column("username", sa.String(length=120), nullable=False),
        sa.Column("password_hash", sa.CHAR(length=40), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now()),
    )
    op.add_column("users", sa.Column("password_changed_at", sa.DateTime(timezone=True), nullable=True))
    op.drop_column("api_users", "notes")
    op.create_index("ix_sync_credentials_provider", "sync_credentials", ["provider"])


def downgrade():
    op.drop_index("ix_sync_credentials_provider", table_name="sync_credentials")
    op.add_column("api_users", sa.Column("notes", sa.Text(), nullable=True))
    op.drop_column("users", "password_changed_at")
    op.drop_table("sync_credentials")
