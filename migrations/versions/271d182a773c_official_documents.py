"""Official documents: outgoing register, number counters, dispatch

The register's numbers are unique per issuing body and year (uq_outgoing_document_number);
register_counter holds the last number each body gave in a year.

Revision ID: 271d182a773c
Revises: 214821e89675
Create Date: 2026-11-23 09:44:04.201853

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '271d182a773c'
down_revision = '214821e89675'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('register_counter',
    sa.Column('issuing_unit_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('last_number', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['issuing_unit_id'], ['org_unit.id'], name=op.f('fk_register_counter_issuing_unit_id_org_unit')),
    sa.PrimaryKeyConstraint('issuing_unit_id', 'year', name=op.f('pk_register_counter'))
    )
    op.create_table('outgoing_document',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=True),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.Column('issuing_unit_id', sa.Integer(), nullable=False),
    sa.Column('doc_type', sa.String(length=60), nullable=False),
    sa.Column('symbol', sa.String(length=60), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('state', sa.String(length=20), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=True),
    sa.Column('year', sa.Integer(), nullable=True),
    sa.Column('number_text', sa.String(length=80), nullable=True),
    sa.Column('issued_on', sa.Date(), nullable=True),
    sa.Column('paper_number', sa.Boolean(), nullable=False),
    sa.Column('signed_at', sa.DateTime(), nullable=True),
    sa.Column('signer_id', sa.Integer(), nullable=True),
    sa.Column('signer_name', sa.String(length=120), nullable=True),
    sa.Column('signer_post', sa.String(length=120), nullable=True),
    sa.Column('sha256', sa.String(length=64), nullable=True),
    sa.Column('pdf_size', sa.Integer(), nullable=True),
    sa.Column('pdf_data', sa.LargeBinary(), nullable=True),
    sa.Column('recipients', sa.JSON(), nullable=False),
    sa.Column('archive_holder', sa.String(length=255), nullable=True),
    sa.Column('copies', sa.Integer(), nullable=True),
    sa.Column('dispatched_at', sa.DateTime(), nullable=True),
    sa.Column('dispatched_by_id', sa.Integer(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['created_by_id'], ['user.id'], name=op.f('fk_outgoing_document_created_by_id_user')),
    sa.ForeignKeyConstraint(['dispatched_by_id'], ['user.id'], name=op.f('fk_outgoing_document_dispatched_by_id_user')),
    sa.ForeignKeyConstraint(['issuing_unit_id'], ['org_unit.id'], name=op.f('fk_outgoing_document_issuing_unit_id_org_unit')),
    sa.ForeignKeyConstraint(['plan_id'], ['plan.id'], name=op.f('fk_outgoing_document_plan_id_plan')),
    sa.ForeignKeyConstraint(['signer_id'], ['user.id'], name=op.f('fk_outgoing_document_signer_id_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outgoing_document')),
    sa.UniqueConstraint('issuing_unit_id', 'year', 'number', name='uq_outgoing_document_number'),
    sa.UniqueConstraint('kind', 'source_id', name='uq_outgoing_document_source'),
    sa.UniqueConstraint('sha256', name=op.f('uq_outgoing_document_sha256'))
    )
    with op.batch_alter_table('outgoing_document', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outgoing_document_number_text'), ['number_text'], unique=False)
        batch_op.create_index(batch_op.f('ix_outgoing_document_plan_id'), ['plan_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_outgoing_document_state'), ['state'], unique=False)

    op.create_table('dispatch',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('sent_at', sa.DateTime(), nullable=False),
    sa.Column('sent_by_id', sa.Integer(), nullable=True),
    sa.Column('opened_at', sa.DateTime(), nullable=True),
    sa.Column('opened_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['document_id'], ['outgoing_document.id'], name=op.f('fk_dispatch_document_id_outgoing_document'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['opened_by_id'], ['user.id'], name=op.f('fk_dispatch_opened_by_id_user')),
    sa.ForeignKeyConstraint(['sent_by_id'], ['user.id'], name=op.f('fk_dispatch_sent_by_id_user')),
    sa.ForeignKeyConstraint(['unit_id'], ['org_unit.id'], name=op.f('fk_dispatch_unit_id_org_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dispatch')),
    sa.UniqueConstraint('document_id', 'unit_id', name=op.f('uq_dispatch_document_id'))
    )
    with op.batch_alter_table('dispatch', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dispatch_document_id'), ['document_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_dispatch_unit_id'), ['unit_id'], unique=False)



def downgrade():
    with op.batch_alter_table('dispatch', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_dispatch_unit_id'))
        batch_op.drop_index(batch_op.f('ix_dispatch_document_id'))

    op.drop_table('dispatch')
    with op.batch_alter_table('outgoing_document', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outgoing_document_state'))
        batch_op.drop_index(batch_op.f('ix_outgoing_document_plan_id'))
        batch_op.drop_index(batch_op.f('ix_outgoing_document_number_text'))

    op.drop_table('outgoing_document')
    op.drop_table('register_counter')
