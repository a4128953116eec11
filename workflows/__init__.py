"""State machines of the intranet, as data; pure Python on `transitions`."""
from .document import DOCUMENT
from .engine import Actor, Forbidden, ReasonRequired, State, Transition, Workflow, WorkflowError
from .report import UNIT_REPORT
from .task import TASK

WORKFLOWS = {w.name: w for w in (TASK, UNIT_REPORT, DOCUMENT)}

__all__ = ["Actor", "DOCUMENT", "Forbidden", "ReasonRequired", "State", "TASK", "Transition", "UNIT_REPORT",
           "WORKFLOWS", "Workflow", "WorkflowError"]
