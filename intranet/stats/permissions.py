"""Who may see which dashboard."""
from __future__ import annotations


def can_view_unit_dashboard(user, unit_id: int) -> bool:
    """A unit sees its own dashboard; Công an tỉnh, signers, admins and viewers see every unit's."""
    return user.sees_all_units or user.unit_id == unit_id
