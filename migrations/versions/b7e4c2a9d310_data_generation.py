"""Data generation: one counter row raised by every writing transaction, for cached fragments

Revision ID: b7e4c2a9d310
Revises: 9d3e5a7c1b20
Create Date: 2026-11-23 13:40:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'b7e4c2a9d310'
down_revision = '9d3e5a7c1b20'
branch_labels = None
depends_on = None


def upgrade():
    """Create data_generation with its one row."""
    table = op.create_table(
        'data_generation',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('value', sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_data_generation')),
    )
    op.bulk_insert(table, [{'id': 1, 'value': 0}])


def downgrade():
    """Drop data_generation."""
    op.drop_table('data_generation')
