"""Load the demo province: units, accounts (password demo123) and both seed plans."""
from __future__ import annotations

from pathlib import Path

from ..auth.models import User
from ..extensions import db
from ..units.models import OrgUnit
from . import directory

SEEDS_DIR = Path(__file__).resolve().parent / "seeds"


def demo_loaded() -> bool:
    """Tell whether the demo accounts exist already."""
    return db.session.scalar(db.select(User.id).where(User.username == "admin")) is not None


def load_units() -> dict[str, OrgUnit]:
    """Create the demo directory of units, keyed by code."""
    units = {}
    for code, name, short, kind, aliases, external in directory.UNITS:
        unit = OrgUnit(code=code, name=name, short_name=short, kind=kind, aliases=aliases or None,
                       is_external=external, province="Quảng Ninh")
        db.session.add(unit)
        units[code] = unit
    db.session.flush()
    return units


def load_users(units: dict[str, OrgUnit]) -> list[User]:
    """Create the demo accounts, all with the demo password."""
    template = User(username="_", full_name="_", unit_id=0)
    template.set_password(directory.PASSWORD)
    users = []
    for username, full_name, code, roles, post in directory.USERS:
        user = User(username=username, full_name=full_name, unit_id=units[code].id, post=post,
                    password_hash=template.password_hash)
        user.set_roles(roles)
        db.session.add(user)
        users.append(user)
    db.session.flush()
    return users


def load_seed_plans(admin: User | None = None) -> list:
    """Import both seed plans through the plan importer."""
    from ..imports.services import import_text

    plans = []
    for filename in directory.SEEDS:
        text = (SEEDS_DIR / filename).read_text(encoding="utf-8")
        plans.append(import_text(text, user=admin, filename=filename))
    return plans


def load_demo() -> dict:
    """Load everything once; return what was created."""
    if demo_loaded():
        return {"skipped": True}
    units = load_units()
    users = load_users(units)
    plans = load_seed_plans(users[0])
    return {"units": len(units), "users": len(users), "plans": len(plans)}
