"""Reporting cycle: periods, unit reports with results, figures, evidence and contributions,
consolidated reports.

Revision ID: f8d1550f4dbb
Revises: 271d182a773c
Create Date: 2026-11-23 09:45:28.735633

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'f8d1550f4dbb'
down_revision = '271d182a773c'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('report_period',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('ordinal', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=255), nullable=True),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('opened_by_id', sa.Integer(), nullable=True),
    sa.Column('opened_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['opened_by_id'], ['user.id'], name=op.f('fk_report_period_opened_by_id_user')),
    sa.ForeignKeyConstraint(['plan_id'], ['plan.id'], name=op.f('fk_report_period_plan_id_plan'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_report_period')),
    sa.UniqueConstraint('plan_id', 'kind', 'year', 'ordinal', name=op.f('uq_report_period_plan_id'))
    )
    with op.batch_alter_table('report_period', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_report_period_plan_id'), ['plan_id'], unique=False)

    op.create_table('consolidated_report',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('period_id', sa.Integer(), nullable=False),
    sa.Column('state', sa.String(length=20), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('assessment', sa.Text(), nullable=True),
    sa.Column('shortcomings', sa.Text(), nullable=True),
    sa.Column('directions', sa.Text(), nullable=True),
    sa.Column('proposals', sa.Text(), nullable=True),
    sa.Column('snapshot', sa.JSON(), nullable=True),
    sa.Column('reviewed_by_id', sa.Integer(), nullable=True),
    sa.Column('signed_by_id', sa.Integer(), nullable=True),
    sa.Column('signed_at', sa.DateTime(), nullable=True),
    sa.Column('issued_at', sa.DateTime(), nullable=True),
    sa.Column('document_id', sa.Integer(), nullable=True),
    sa.Column('number', sa.String(length=20), nullable=True),
    sa.Column('symbol', sa.String(length=60), nullable=True),
    sa.Column('issued_on', sa.Date(), nullable=True),
    sa.Column('signed_sha256', sa.String(length=64), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['period_id'], ['report_period.id'], name=op.f('fk_consolidated_report_period_id_report_period'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['reviewed_by_id'], ['user.id'], name=op.f('fk_consolidated_report_reviewed_by_id_user')),
    sa.ForeignKeyConstraint(['signed_by_id'], ['user.id'], name=op.f('fk_consolidated_report_signed_by_id_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_consolidated_report')),
    sa.UniqueConstraint('period_id', name=op.f('uq_consolidated_report_period_id'))
    )
    op.create_table('unit_report',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('period_id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('state', sa.String(length=20), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('assessment', sa.Text(), nullable=True),
    sa.Column('next_steps', sa.Text(), nullable=True),
    sa.Column('proposals', sa.Text(), nullable=True),
    sa.Column('approved_by_id', sa.Integer(), nullable=True),
    sa.Column('submitted_by_id', sa.Integer(), nullable=True),
    sa.Column('submitted_at', sa.DateTime(), nullable=True),
    sa.Column('accepted_at', sa.DateTime(), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['approved_by_id'], ['user.id'], name=op.f('fk_unit_report_approved_by_id_user')),
    sa.ForeignKeyConstraint(['period_id'], ['report_period.id'], name=op.f('fk_unit_report_period_id_report_period'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['submitted_by_id'], ['user.id'], name=op.f('fk_unit_report_submitted_by_id_user')),
    sa.ForeignKeyConstraint(['unit_id'], ['org_unit.id'], name=op.f('fk_unit_report_unit_id_org_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_unit_report')),
    sa.UniqueConstraint('period_id', 'unit_id', name=op.f('uq_unit_report_period_id'))
    )
    with op.batch_alter_table('unit_report', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_unit_report_period_id'), ['period_id'], unique=False)
        batch_op.create_index('ix_unit_report_unit_state', ['unit_id', 'state'], unique=False)

    op.create_table('target_figure',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('report_id', sa.Integer(), nullable=False),
    sa.Column('target_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('count', sa.Integer(), nullable=True),
    sa.Column('numerator', sa.Integer(), nullable=True),
    sa.Column('denominator', sa.Integer(), nullable=True),
    sa.Column('note', sa.String(length=500), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['report_id'], ['unit_report.id'], name=op.f('fk_target_figure_report_id_unit_report'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['target_id'], ['target.id'], name=op.f('fk_target_figure_target_id_target'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['updated_by_id'], ['user.id'], name=op.f('fk_target_figure_updated_by_id_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_target_figure')),
    sa.UniqueConstraint('report_id', 'target_id', name=op.f('uq_target_figure_report_id'))
    )
    with op.batch_alter_table('target_figure', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_target_figure_report_id'), ['report_id'], unique=False)

    op.create_table('task_result',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('report_id', sa.Integer(), nullable=False),
    sa.Column('task_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['report_id'], ['unit_report.id'], name=op.f('fk_task_result_report_id_unit_report'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['task_id'], ['task.id'], name=op.f('fk_task_result_task_id_task'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['updated_by_id'], ['user.id'], name=op.f('fk_task_result_updated_by_id_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_task_result')),
    sa.UniqueConstraint('report_id', 'task_id', name=op.f('uq_task_result_report_id'))
    )
    with op.batch_alter_table('task_result', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_task_result_report_id'), ['report_id'], unique=False)

    op.create_table('report_contribution',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('result_id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('target_id', sa.Integer(), nullable=True),
    sa.Column('count', sa.Integer(), nullable=True),
    sa.Column('numerator', sa.Integer(), nullable=True),
    sa.Column('denominator', sa.Integer(), nullable=True),
    sa.Column('sent_by_id', sa.Integer(), nullable=True),
    sa.Column('sent_at', sa.DateTime(), nullable=False),
    sa.Column('merged_by_id', sa.Integer(), nullable=True),
    sa.Column('merged_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['merged_by_id'], ['user.id'], name=op.f('fk_report_contribution_merged_by_id_user')),
    sa.ForeignKeyConstraint(['result_id'], ['task_result.id'], name=op.f('fk_report_contribution_result_id_task_result'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['sent_by_id'], ['user.id'], name=op.f('fk_report_contribution_sent_by_id_user')),
    sa.ForeignKeyConstraint(['target_id'], ['target.id'], name=op.f('fk_report_contribution_target_id_target'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['unit_id'], ['org_unit.id'], name=op.f('fk_report_contribution_unit_id_org_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_report_contribution'))
    )
    with op.batch_alter_table('report_contribution', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_report_contribution_result_id'), ['result_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_report_contribution_unit_id'), ['unit_id'], unique=False)

    op.create_table('report_evidence',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('result_id', sa.Integer(), nullable=False),
    sa.Column('original_name', sa.String(length=255), nullable=False),
    sa.Column('stored_name', sa.String(length=80), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('uploaded_by_id', sa.Integer(), nullable=True),
    sa.Column('uploaded_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['result_id'], ['task_result.id'], name=op.f('fk_report_evidence_result_id_task_result'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['uploaded_by_id'], ['user.id'], name=op.f('fk_report_evidence_uploaded_by_id_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_report_evidence')),
    sa.UniqueConstraint('stored_name', name=op.f('uq_report_evidence_stored_name'))
    )
    with op.batch_alter_table('report_evidence', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_report_evidence_result_id'), ['result_id'], unique=False)



def downgrade():
    with op.batch_alter_table('report_evidence', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_report_evidence_result_id'))

    op.drop_table('report_evidence')
    with op.batch_alter_table('report_contribution', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_report_contribution_unit_id'))
        batch_op.drop_index(batch_op.f('ix_report_contribution_result_id'))

    op.drop_table('report_contribution')
    with op.batch_alter_table('task_result', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_task_result_report_id'))

    op.drop_table('task_result')
    with op.batch_alter_table('target_figure', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_target_figure_report_id'))

    op.drop_table('target_figure')
    with op.batch_alter_table('unit_report', schema=None) as batch_op:
        batch_op.drop_index('ix_unit_report_unit_state')
        batch_op.drop_index(batch_op.f('ix_unit_report_period_id'))

    op.drop_table('unit_report')
    op.drop_table('consolidated_report')
    with op.batch_alter_table('report_period', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_report_period_plan_id'))

    op.drop_table('report_period')
