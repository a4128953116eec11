"""People generation: a second counter row, raised only by writes to accounts, roles and units

Revision ID: c3f1a7d2e845
Revises: b7e4c2a9d310
Create Date: 2026-11-23 20:30:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'c3f1a7d2e845'
down_revision = 'b7e4c2a9d310'
branch_labels = None
depends_on = None

generation = sa.table('data_generation', sa.column('id', sa.Integer), sa.column('value', sa.BigInteger))


def upgrade():
    """Add the people generation's row."""
    op.bulk_insert(generation, [{'id': 2, 'value': 0}])


def downgrade():
    """Remove the people generation's row."""
    op.execute(generation.delete().where(generation.c.id == 2))
