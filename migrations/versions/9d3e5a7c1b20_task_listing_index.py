"""Task listing index: plan, position and the columns task tables and dashboards filter and sort on

Replaces ix_task_plan_position (its prefix), so the plan's task table, my work and the review
queue read an index instead of the task rows with their long texts.

Revision ID: 9d3e5a7c1b20
Revises: 61aaf5f50c17
Create Date: 2026-11-23 11:30:00.000000

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = '9d3e5a7c1b20'
down_revision = '61aaf5f50c17'
branch_labels = None
depends_on = None

COLUMNS = ['plan_id', 'position', 'state', 'due_on', 'recurrence', 'recurrence_month', 'recurrence_day',
           'updated_at']


def upgrade():
    """Create ix_task_plan_listing and drop the narrower ix_task_plan_position."""
    with op.batch_alter_table('task', schema=None) as batch_op:
        batch_op.create_index('ix_task_plan_listing', COLUMNS, unique=False)
        batch_op.drop_index('ix_task_plan_position')


def downgrade():
    """Back to ix_task_plan_position."""
    with op.batch_alter_table('task', schema=None) as batch_op:
        batch_op.create_index('ix_task_plan_position', ['plan_id', 'position'], unique=False)
        batch_op.drop_index('ix_task_plan_listing')
