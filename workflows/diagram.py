"""Draw a workflow as a Mermaid state diagram from its definition."""
from __future__ import annotations

from .engine import Workflow


def to_mermaid(workflow: Workflow) -> str:
    """Return Mermaid `stateDiagram-v2` text for `workflow`, labels in Vietnamese."""
    lines = ["stateDiagram-v2"]
    for state in workflow.states:
        lines.append(f'    state "{state.label}" as {state.name}')
    lines.append(f"    [*] --> {workflow.initial}")
    for t in workflow.transitions:
        for source in t.source:
            note = " (kèm lý do)" if t.needs_reason else ""
            lines.append(f"    {source} --> {t.dest}: {t.label}{note}")
    for state in workflow.states:
        if state.final:
            lines.append(f"    {state.name} --> [*]")
    return "\n".join(lines) + "\n"
