"""State machines of the intranet, as data; pure Python on `transitions`."""
from .budget import BUDGET
from .document import DOCUMENT
from .engine import Actor, Forbidden, ReasonRequired, State, Transition, Workflow, WorkflowError
from .report import UNIT_REPORT
from .task import TASK

WORKFLOWS = {w.name: w for w in (TASK, UNIT_REPORT, DOCUMENT, BUDGET)}

__all__ = ["Actor", "BUDGET", "DOCUMENT", "Forbidden", "ReasonRequired", "State", "TASK", "Transition", "UNIT_REPORT",
           "WORKFLOWS", "Workflow", "WorkflowError"]
