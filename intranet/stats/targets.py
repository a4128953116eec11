"""Targets against their milestones as a chart, for the plan's dashboard and the consolidated report."""
from __future__ import annotations

import re

from ..reports.rollup import parse_milestone
from .charts import TargetBar, target_chart


RATIO = re.compile(r"(\d+)/(\d+)")


def _get(row, name):
    return row.get(name) if isinstance(row, dict) else getattr(row, name, None)


def _value(row) -> float | None:
    """The compared value; read back from the result text for roll-ups frozen before it was kept."""
    value = _get(row, "value")
    if value is not None or (isinstance(row, dict) and "value" in row):
        return value
    result = (_get(row, "result") or "").strip()
    ratio = RATIO.match(result)
    if ratio:
        numerator, denominator = int(ratio.group(1)), int(ratio.group(2))
        return 100 * numerator / denominator if denominator else None
    return float(result) if result.isdigit() else None


def targets_svg(rows, title: str) -> str:
    """Rows (dicts or objects) with position, value, milestone text, verdict and result text."""
    bars = []
    for row in rows:
        milestone = parse_milestone(_get(row, "milestone"))
        value = _value(row)
        result = _get(row, "result") or "—"
        text = "Chưa có số liệu" if value is None else result
        if milestone is not None:
            text += f" · mốc {milestone.text}"
        bars.append(TargetBar(label=f"Chỉ tiêu {_get(row, 'position')}", value=value,
                              milestone=float(milestone.value) if milestone else None,
                              percent=bool(milestone and milestone.percent) or "%" in result,
                              verdict=_get(row, "verdict") or "", text=text))
    return target_chart(bars, title=title)
