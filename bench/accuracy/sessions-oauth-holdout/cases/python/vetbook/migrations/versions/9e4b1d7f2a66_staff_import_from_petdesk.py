"""staff import from PetDesk

Revision ID: 9e4b1d7f2a66
Revises: 7c5e2d4a8b31
Create Date: 2024-06-19 11:27:30.640018
"""
import sqlalchemy as sa
from alembic import op

revision = "9e4b1d7f2a66"
down_revision = "7c5e2d4a8b31"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("staff", sa.Column("imported_from", sa.String(length=20), nullable=True))
    op.alter_column("staff", "country_code", existing_type=sa.String(length=8), type_=sa.String(length=2))
    op.alter_column("staff", "password_hash", existing_type=sa.String(length=128), type_=sa.Text())
    op.execute("UPDATE staff SET password_hash = md5(password_hash) WHERE imported_from = 'petdesk'")
    op.create_table(
        "clinic_rooms",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("clinic_id", sa.Integer(), sa.ForeignKey("clinics.id"), nullable=False),
        sa.Column("label", sa.String(length=40), nullable=False),
    )


def downgrade():
    op.drop_table("clinic_rooms")
    op.alter_column("staff", "country_code", existing_type=sa.String(length=2), type_=sa.String(length=8))
    op.drop_column("staff", "imported_from")
