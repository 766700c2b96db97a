"""user cleanup (batch mode so it also runs on the SQLite dev database)

Revision ID: 7e4f19c0d2a8
Revises: 3c2d0a7b9e11
Create Date: 2024-06-17 14:02:51.914223
"""
import hashlib

import sqlalchemy as sa
from alembic import op

revision = "7e4f19c0d2a8"
down_revision = "3c2d0a7b9e11"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("users") as batch_op:
        batch_op.drop_column("nickname")
        batch_op.drop_column("password_salt")

    with op.batch_alter_table("api_users") as batch_op:
        batch_op.alter_column("password_hash", existing_type=sa.String(length=40), type_=sa.String(length=32))

    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, password_hash FROM api_users")).fetchall()
    for row_id, current in rows:
        digest = hashlib.sha1(current.encode()).hexdigest()[:32]
        conn.execute(sa.text("UPDATE api_users SET password_hash = :h WHERE id = :id"), {"h": digest, "id": row_id})

    op.create_table(
        "oauth_states",
        sa.Column("state", sa.String(length=64), primary_key=True),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade():
    op.drop_table("oauth_states")
    with op.batch_alter_table("api_users") as batch_op:
        batch_op.alter_column("password_hash", existing_type=sa.String(length=32), type_=sa.String(length=40))
    with op.batch_alter_table("users") as batch_op:
        batch_op.add_column(sa.Column("password_salt", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("nickname", sa.String(length=40), nullable=True))
