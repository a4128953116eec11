"""Stamp images: signers' signatures and units' seals

The transparent PNGs shown in a signed document's visible stamp (Nghị định 30, Phụ lục I,
ô 7c and 8): one signature per signer, one seal per unit, with the seal's real diameter.

Revision ID: 61aaf5f50c17
Revises: 4b1c0a58dc3e
Create Date: 2026-11-23 11:13:17.276026

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '61aaf5f50c17'
down_revision = '4b1c0a58dc3e'
branch_labels = None
depends_on = None


def upgrade():
    """Create stamp_image."""
    op.create_table('stamp_image',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('unit_id', sa.Integer(), nullable=True),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('width_px', sa.Integer(), nullable=False),
    sa.Column('height_px', sa.Integer(), nullable=False),
    sa.Column('size_mm', sa.Double(), nullable=True),
    sa.Column('uploaded_at', sa.DateTime(), nullable=False),
    sa.Column('uploaded_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['unit_id'], ['org_unit.id'], name=op.f('fk_stamp_image_unit_id_org_unit'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['uploaded_by_id'], ['user.id'], name=op.f('fk_stamp_image_uploaded_by_id_user'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_stamp_image_user_id_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stamp_image')),
    sa.UniqueConstraint('kind', 'unit_id', name='uq_stamp_image_unit'),
    sa.UniqueConstraint('kind', 'user_id', name='uq_stamp_image_user')
    )
    with op.batch_alter_table('stamp_image', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_stamp_image_unit_id'), ['unit_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_stamp_image_user_id'), ['user_id'], unique=False)



def downgrade():
    """Drop stamp_image."""
    with op.batch_alter_table('stamp_image', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_stamp_image_user_id'))
        batch_op.drop_index(batch_op.f('ix_stamp_image_unit_id'))

    op.drop_table('stamp_image')
