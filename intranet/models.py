"""Import every model so SQLAlchemy and Alembic see the whole schema."""
from .audit.models import AuditEvent  # noqa: F401
from .auth.models import User, UserRole  # noqa: F401
from .documents.models import Dispatch, OutgoingDocument, RegisterCounter  # noqa: F401
from .plans.models import Milestone, Plan, PlanDeadline, Target  # noqa: F401
from .tasks.models import Comment, Task, TaskUnit  # noqa: F401
from .units.models import OrgUnit  # noqa: F401
from .reports.models import (  # noqa: F401
    ConsolidatedReport, Contribution, Evidence, ReportPeriod, TargetFigure, TaskResult, UnitReport)
from .budget.models import BudgetEstimate, BudgetLine  # noqa: F401
from .notifications.models import Notification  # noqa: F401
from .fragments import DataGeneration  # noqa: F401
