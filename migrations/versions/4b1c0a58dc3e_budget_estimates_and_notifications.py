"""Budget estimates (units' yearly lines per plan) and in-app notifications with reminder keys.

Revision ID: 4b1c0a58dc3e
Revises: f8d1550f4dbb
Create Date: 2026-11-23 10:01:50.472296

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '4b1c0a58dc3e'
down_revision = 'f8d1550f4dbb'
branch_labels = None
depends_on = None


def upgrade():
    """Create budget_estimate, budget_line and notification."""
    op.create_table('notification',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('body', sa.Text(), nullable=True),
    sa.Column('url', sa.String(length=500), nullable=True),
    sa.Column('key', sa.String(length=120), nullable=True),
    sa.Column('day', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('read_at', sa.DateTime(), nullable=True),
    sa.Column('emailed_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_notification_user_id_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_notification')),
    sa.UniqueConstraint('user_id', 'key', name=op.f('uq_notification_user_id'))
    )
    with op.batch_alter_table('notification', schema=None) as batch_op:
        batch_op.create_index('ix_notification_user_read', ['user_id', 'read_at'], unique=False)

    op.create_table('budget_estimate',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('state', sa.String(length=20), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('submitted_at', sa.DateTime(), nullable=True),
    sa.Column('submitted_by_id', sa.Integer(), nullable=True),
    sa.Column('return_reason', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['plan_id'], ['plan.id'], name=op.f('fk_budget_estimate_plan_id_plan'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['submitted_by_id'], ['user.id'], name=op.f('fk_budget_estimate_submitted_by_id_user')),
    sa.ForeignKeyConstraint(['unit_id'], ['org_unit.id'], name=op.f('fk_budget_estimate_unit_id_org_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_budget_estimate')),
    sa.UniqueConstraint('plan_id', 'unit_id', 'year', name=op.f('uq_budget_estimate_plan_id'))
    )
    with op.batch_alter_table('budget_estimate', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_budget_estimate_unit_id'), ['unit_id'], unique=False)

    op.create_table('budget_line',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('estimate_id', sa.Integer(), nullable=False),
    sa.Column('task_id', sa.Integer(), nullable=False),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.CheckConstraint('amount > 0', name=op.f('ck_budget_line_amount_positive')),
    sa.ForeignKeyConstraint(['created_by_id'], ['user.id'], name=op.f('fk_budget_line_created_by_id_user')),
    sa.ForeignKeyConstraint(['estimate_id'], ['budget_estimate.id'], name=op.f('fk_budget_line_estimate_id_budget_estimate'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['task_id'], ['task.id'], name=op.f('fk_budget_line_task_id_task'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_budget_line'))
    )
    with op.batch_alter_table('budget_line', schema=None) as batch_op:
        batch_op.create_index('ix_budget_line_estimate', ['estimate_id', 'id'], unique=False)
        batch_op.create_index(batch_op.f('ix_budget_line_task_id'), ['task_id'], unique=False)



def downgrade():
    """Drop them again."""
    with op.batch_alter_table('budget_line', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_budget_line_task_id'))
        batch_op.drop_index('ix_budget_line_estimate')

    op.drop_table('budget_line')
    with op.batch_alter_table('budget_estimate', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_budget_estimate_unit_id'))

    op.drop_table('budget_estimate')
    with op.batch_alter_table('notification', schema=None) as batch_op:
        batch_op.drop_index('ix_notification_user_read')

    op.drop_table('notification')
