"""One generated province: its units, accounts, plans, tasks, comments and audit history as rows."""
from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from sqlalchemy import func, select

from workflows import TASK

from ..audit.models import AuditEvent
from ..auth.models import User, UserRole
from ..plans.models import Milestone, Plan, PlanDeadline, Target
from ..tasks.models import Comment, Task, TaskUnit
from ..units.models import OrgUnit
from .history import ACTORS, STATE_MIX, apply_move, walk, with_edits
from .vocabulary import (CITIES, COMMENTS, CORE_UNITS, DRAFTS, FAMILY, GIVEN, MIDDLE, OBJECTS, PLACES,
                         PLACES_OF, PLAN_TITLES, REASONS, SECTIONS, SUBTASKS, TARGETS, VERBS,
                         legal_basis, post_for)

# werkzeug's hash of "demo123", computed once: hashing 1,000 passwords would take minutes.
PASSWORD_HASH = ("scrypt:32768:8:1$4rIkL194UcSCXfFQ$0b9db6847464747abab4932b9aede1258f1fc9d1742265b0"
                 "268ab2faa86962acdf8351dda36f067d4bc22ccc21c3556a42511c3c7620a2ab7d9c7650600ee72b")
EDIT_LABEL = "Cập nhật nội dung thực hiện"  # as tasks.services.save_draft records it
TABLES = (OrgUnit, User, UserRole, Plan, Target, Milestone, PlanDeadline, Task, TaskUnit, Comment,
          AuditEvent)


class GenerationError(Exception):
    """The requested data cannot be generated into this database."""


@dataclass(frozen=True)
class Volume:
    """Row counts of one province."""

    units: int = 60
    users: int = 1_000
    plans: int = 50
    tasks: int = 10_000
    comments: int = 10_000
    audit: int = 200_000


def volume_for(factor: float = 1.0, multiplier: int = 1, **overrides) -> Volume:
    """A province scaled by `factor`; tasks, comments and audit events also times `multiplier`."""
    base = Volume()
    units = max(12, round(base.units * factor))
    volume = Volume(
        units=units, users=max(units * 3 + 6, round(base.users * factor)),
        plans=max(1, round(base.plans * factor)),
        tasks=round(base.tasks * factor * multiplier),
        comments=round(base.comments * factor * multiplier),
        audit=round(base.audit * factor * multiplier))
    return replace(volume, **{k: v for k, v in overrides.items() if v is not None})


def rng_for(seed: int, province: int, stream: str) -> random.Random:
    return random.Random(f"{seed}/{province}/{stream}")


def spread(total: int, weights: list[float]) -> list[int]:
    """Split `total` into integer parts proportional to `weights` (largest remainder)."""
    scale = total / sum(weights)
    parts = [int(w * scale) for w in weights]
    order = sorted(range(len(weights)), key=lambda i: parts[i] - weights[i] * scale)
    for i in order[:total - sum(parts)]:
        parts[i] += 1
    return parts


class Ids:
    """Next free primary key per table, read once so ids can be assigned in Python."""

    def __init__(self, conn):
        self.next = {m: (conn.scalar(select(func.max(m.id))) or 0) + 1 for m in TABLES}

    def take(self, model, count: int) -> range:
        start = self.next[model]
        self.next[model] = start + count
        return range(start, start + count)


class ProvinceRows:
    """Rows of one province, built in memory as dicts keyed by model."""

    def __init__(self, *, seed: int, index: int, name: str, prefix: str, national: bool,
                 volume: Volume, as_of: date, ids: Ids):
        self.seed, self.index, self.name, self.prefix = seed, index, name, prefix
        self.national, self.volume, self.as_of, self.ids = national, volume, as_of, ids
        self.level = "thành phố" if name in CITIES else "tỉnh"
        self.end = datetime.combine(as_of, datetime.min.time()) + timedelta(hours=3)
        self.rows: dict = {m: [] for m in TABLES}

    def rng(self, stream: str) -> random.Random:
        return rng_for(self.seed, self.index, stream)

    def build(self) -> dict:
        self._units()
        self._users()
        self._plans()
        self._tasks()
        return self.rows

    def _local(self, name: str) -> str:
        """Qualify a provincial unit's name with its province at national scale."""
        if not self.national:
            return name
        if name == "Tỉnh đoàn":
            return f"{'Thành đoàn' if self.level == 'thành phố' else 'Tỉnh đoàn'} {self.name}"
        base = name[:-5] if name.endswith(" tỉnh") else name
        return f"{base} {self.level} {self.name}"

    def _units(self) -> None:
        rng, count = self.rng("units"), self.volume.units
        core = CORE_UNITS[:min(len(CORE_UNITS), max(5, round(count * 0.4)), count - 2)]
        communes = rng.sample(PLACES, count - len(core)) if count - len(core) <= len(PLACES) else [
            f"{rng.choice(PLACES)} {n}" for n in range(count - len(core))]
        ids = self.ids.take(OrgUnit, count)
        self.units = []  # (id, kind, lead weight, external)
        for n, unit_id in enumerate(ids):
            if n < len(core):
                kind, name, short, external, weight = core[n]
                name = self._local(name)
            else:
                place = communes[n - len(core)]
                level = "phường" if rng.random() < 0.3 else "xã"
                kind, name, short, external, weight = (
                    "commune", f"UBND {level} {place}", f"{level.capitalize()} {place}", False, 1)
            self.rows[OrgUnit].append({
                "id": unit_id, "code": f"{self.prefix}dv{n + 1:03d}", "name": name,
                "short_name": short, "kind": kind, "parent_id": ids[1] if kind == "commune" else None,
                "successor_id": None, "province": self.name, "aliases": None,
                "is_external": external, "is_active": True})
            self.units.append((unit_id, kind, weight, external))
        self.standing, self.committee = ids[0], ids[1]

    def _users(self) -> None:
        rng, total = self.rng("users"), self.volume.users
        unit_ids = [u[0] for u in self.units]
        heads_per_unit = 2 if total >= len(unit_ids) * 8 else 1
        plan = [("admin", self.standing, max(1, round(total * 0.002))),
                ("viewer", self.committee, max(1, round(total * 0.008))),
                ("reviewer", self.standing, max(2, round(total * 0.02))),
                ("signer", self.standing, max(1, round(total * 0.005)))]
        plan += [("unit_head", u, heads_per_unit) for u in unit_ids]
        fixed = sum(n for _, _, n in plan)
        if total < fixed + len(unit_ids):
            raise GenerationError(f"{total} tài khoản không đủ cho {len(unit_ids)} đơn vị.")
        weights = [6 if kind == "standing_agency" else 1 if kind == "commune" else 3
                   for _, kind, _, _ in self.units]
        extra = spread(total - fixed - len(unit_ids), weights)
        plan += [("staff", u, 1 + extra[i]) for i, u in enumerate(unit_ids)]
        kinds = {u[0]: u[1] for u in self.units}
        self.staff, self.heads = {}, {}
        self.reviewers, self.admins = [], []
        seats = [(role, unit_id) for role, unit_id, n in plan for _ in range(n)]
        for number, ((role, unit_id), user_id) in enumerate(zip(seats, self.ids.take(User, total)), 1):
            self.rows[User].append({
                "id": user_id, "username": f"{self.prefix}u{number:04d}", "full_name": self._person(rng),
                "post": post_for(role, kinds[unit_id]), "email": None, "password_hash": PASSWORD_HASH,
                "unit_id": unit_id, "is_active_account": True})
            roles = ("signer", "unit_head") if role == "signer" else (role,)
            for r in roles:
                self.rows[UserRole].append({"user_id": user_id, "role": r})
            if role == "staff":
                self.staff.setdefault(unit_id, []).append(user_id)
            elif role == "unit_head":
                self.heads.setdefault(unit_id, []).append(user_id)
            elif role == "reviewer":
                self.reviewers.append(user_id)
            elif role == "admin":
                self.admins.append(user_id)
        self.user_unit = {row["id"]: row["unit_id"] for row in self.rows[User]}
        for row, role_id in zip(self.rows[UserRole], self.ids.take(UserRole, len(self.rows[UserRole]))):
            row["id"] = role_id

    @staticmethod
    def _person(rng: random.Random) -> str:
        return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"

    def _plans(self) -> None:
        rng, count = self.rng("plans"), self.volume.plans
        first, last = date(2021, 1, 4), self.as_of - timedelta(days=20)
        days = sorted(first + timedelta(days=rng.randrange((last - first).days)) for _ in range(count))
        numbers: dict = {}
        self.plans = []  # (id, issued_on, mix)
        for plan_id, day in zip(self.ids.take(Plan, count), days):
            kind = rng.choices(("ubnd", "cat", "sgd", "joint"), (60, 25, 10, 5))[0]
            symbol, issuers, signers = self._issuer(kind, rng)
            numbers[symbol, day.year] = numbers.get((symbol, day.year), rng.randint(5, 60)) + rng.randint(1, 25)
            title = rng.choice(PLAN_TITLES).format(p=f"{self.level} {self.name}", y=day.year, z=day.year + 4)
            start, end = day.year, (day.year + 4 if "giai đoạn" in title else
                                    2030 if "năm 2030" in title else day.year)
            self.rows[Plan].append({
                "id": plan_id, "number": str(numbers[symbol, day.year]), "symbol": symbol,
                "doc_type": "KẾ HOẠCH", "place": self.name, "issued_on": day, "title": title.upper(),
                "period_start": start, "period_end": end, "legal_basis": legal_basis(day),
                "intro": [f"{issuers[0]['name'].capitalize()} ban hành Kế hoạch với các nội dung cụ thể như sau:"],
                "closing": ["Trên đây là Kế hoạch; yêu cầu các cơ quan, đơn vị, địa phương nghiêm túc "
                            "triển khai thực hiện, báo cáo kết quả về Công an tỉnh (qua Phòng PC04)./."],
                "recipients": ["Bộ Công an", f"TT. Tỉnh ủy, TT. HĐND {self.level}", "Các sở, ban, ngành",
                               "UBND các xã, phường", "Lưu: VT, PC04"],
                "issuers": issuers, "sections": SECTIONS, "signers": signers, "status": "issued",
                "source_filename": None, "source_text": None,
                "created_at": datetime.combine(day, datetime.min.time()) + timedelta(hours=2),
                "created_by_id": self.admins[0]})
            self._targets(rng, plan_id)
            self._deadlines(plan_id, day, start, end)
            self.plans.append((plan_id, day, "old" if (self.as_of - day).days > 730 else "recent"))

    def _issuer(self, kind: str, rng: random.Random):
        place = f"{self.level} {self.name}".upper()
        ca = {"name": f"CÔNG AN {place}", "parent": "BỘ CÔNG AN",
              "lines": ["BỘ CÔNG AN", f"CÔNG AN {place}"], "unit_id": self.standing}
        ca_sign = {"lines": ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], "name": self._person(rng)}
        if kind == "ubnd":
            return "KH-UBND", [{"name": f"ỦY BAN NHÂN DÂN {place}", "parent": None,
                                "lines": ["ỦY BAN NHÂN DÂN", place], "unit_id": self.committee}], [
                {"lines": ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "name": self._person(rng)}]
        if kind == "cat":
            return "KH-CAT-PC04", [ca], [ca_sign]
        if kind == "sgd":
            return "KH-SGDĐT", [{"name": "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "parent": f"UBND {place}",
                                 "lines": [f"UBND {place}", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"],
                                 "unit_id": self.units[2][0]}], [ca_sign]
        youth = {"name": f"TỈNH ĐOÀN {self.name.upper()}", "parent": "ĐOÀN TNCS HỒ CHÍ MINH",
                 "lines": ["ĐOÀN TNCS HỒ CHÍ MINH", f"BCH TỈNH ĐOÀN {self.name.upper()}"],
                 "unit_id": self.units[3][0]}
        return "KHPH-TĐTN-CAT", [youth, ca], [
            {"lines": ["TM. BAN THƯỜNG VỤ TỈNH ĐOÀN", "PHÓ BÍ THƯ"], "name": self._person(rng)}, ca_sign]

    def _targets(self, rng: random.Random, plan_id: int) -> None:
        for position, (body, milestones) in enumerate(rng.sample(TARGETS, rng.randint(2, len(TARGETS)))):
            target_id = self.ids.take(Target, 1)[0]
            self.rows[Target].append({"id": target_id, "plan_id": plan_id, "position": position, "text": body})
            for mpos, (key, value) in enumerate(milestones.items()):
                year = int(key) if key.isdigit() else None
                self.rows[Milestone].append({
                    "id": self.ids.take(Milestone, 1)[0], "target_id": target_id, "position": mpos,
                    "year": year, "label": f"Năm {key}" if year else "Hằng năm", "value": value})

    def _deadlines(self, plan_id: int, day: date, start: int, end: int) -> None:
        items = [("chậm nhất sau 10 ngày kể từ ngày Kế hoạch được ban hành", None, day + timedelta(days=10),
                  None, None, None),
                 ("Định kỳ hằng năm (trước ngày 05/12) báo cáo kết quả về Công an tỉnh", "yearly", None, 12, 5,
                  None)]
        if end > start:
            items += [(f"Sơ kết vào năm {(start + end) // 2}", "midterm", None, None, None, (start + end) // 2),
                      (f"Tổng kết vào năm {end}", "final", None, None, None, end)]
        for position, (body, rule, due, month, dd, year) in enumerate(items):
            self.rows[PlanDeadline].append({
                "id": self.ids.take(PlanDeadline, 1)[0], "plan_id": plan_id, "position": position,
                "text": body, "rule": rule, "due_on": due, "month": month, "day": dd, "year": year})

    def _tasks(self) -> None:
        rng = self.rng("tasks")
        counts = spread(self.volume.tasks, [rng.uniform(0.4, 1.6) for _ in self.plans])
        leadable = [(u[0], u[2]) for u in self.units if u[2] > 0 and not u[3]]
        lead_ids, lead_weights = [u for u, _ in leadable], [w for _, w in leadable]
        order = {u[0]: i for i, u in enumerate(self.units)}
        self.names = {row["id"]: row["name"] for row in self.rows[OrgUnit]}
        ids = iter(self.ids.take(Task, self.volume.tasks))
        specs = []
        for (plan_id, day, mix), count in zip(self.plans, counts):
            leads = []
            for _ in range(count):
                first = rng.choices(lead_ids, lead_weights)[0]
                second = rng.choices(lead_ids, lead_weights)[0] if rng.random() < 0.1 else first
                leads.append([first] if second == first else [first, second])
            leads.sort(key=lambda row: order[row[0]])
            group, previous = 0, None
            for position, row in enumerate(leads, 1):
                group, previous = (group + 1, row[0]) if row[0] != previous else (group, previous)
                specs.append(self._task(rng, next(ids), plan_id, day, mix, position, group, row))
        for row, row_id in zip(self.rows[TaskUnit], self.ids.take(TaskUnit, len(self.rows[TaskUnit]))):
            row["id"] = row_id
        self._history(specs)
        self._comments(specs)

    def _task(self, rng, task_id, plan_id, day, mix, position, group, leads) -> dict:
        names = self.names
        coordinating = []
        for _ in range(rng.choices((0, 1, 2, 3), (30, 35, 25, 10))[0]):
            unit = rng.choice(self.units)[0]
            if unit not in leads and unit not in coordinating:
                coordinating.append(unit)
        body = f"{rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(PLACES_OF)}."
        if coordinating:
            body += f" Phối hợp với {', '.join(names[u] for u in coordinating)} trong quá trình thực hiện."
        state = rng.choices(list(STATE_MIX[mix]), list(STATE_MIX[mix].values()))[0]
        created = datetime.combine(day, datetime.min.time()) + timedelta(hours=2, minutes=position % 60)
        row = {"id": task_id, "plan_id": plan_id, "position": position, "clause": f"III.{group}",
               "group_heading": "; ".join(names[u] for u in leads), "text": body,
               "subtasks": rng.sample(SUBTASKS, 2) if rng.random() < 0.1 else [], "state": state,
               "version": 1, "due_on": None, "recurrence": None, "recurrence_month": None,
               "recurrence_day": None, "deadline_text": None, "draft": None, "draft_updated_at": None,
               "submitted_by_id": None, "sent_by_id": None, "completed_at": None,
               "created_at": created, "updated_at": created}
        row.update(self._deadline(rng, day))
        for role, units in (("lead", leads), ("coordinating", coordinating)):
            for upos, unit in enumerate(units):
                self.rows[TaskUnit].append({"task_id": task_id, "unit_id": unit, "role": role, "position": upos})
        self.rows[Task].append(row)
        return {"row": row, "leads": leads, "coordinating": coordinating, "steps": walk(state, rng)}

    def _deadline(self, rng: random.Random, day: date) -> dict:
        """A yearly day (mostly 05/12), a date (some already past), or none."""
        draw = rng.random()
        if draw < 0.45:
            month, dd = (12, 5) if rng.random() < 0.9 else (6, 26)
            return {"recurrence": "yearly", "recurrence_month": month, "recurrence_day": dd,
                    "deadline_text": f"Định kỳ hằng năm (trước ngày {dd:02d}/{month:02d})"}
        if draw < 0.9:
            if rng.random() < 0.15:
                return {"due_on": day + timedelta(days=10),
                        "deadline_text": "chậm nhất sau 10 ngày kể từ ngày Kế hoạch được ban hành"}
            low = max(day + timedelta(days=30), self.as_of - timedelta(days=240))
            due = low + timedelta(days=rng.randrange(max(1, (self.as_of + timedelta(days=300) - low).days)))
            return {"due_on": due, "deadline_text": f"Trước ngày {due:%d/%m/%Y}"}
        return {}

    def _history(self, specs: list[dict]) -> None:
        """Audit events replaying each task's path to its state, padded with draft edits to the volume."""
        rng = self.rng("history")
        extra = self.volume.audit - sum(len(s["steps"]) for s in specs)
        editable = [i for i, s in enumerate(specs) if "edit_draft" in s["steps"]]
        for i in rng.choices(editable, k=extra) if extra > 0 and editable else ():
            specs[i]["extra"] = specs[i].get("extra", 0) + 1
        events = []
        for spec in specs:
            events += self._replay(rng, spec)
        events.sort(key=lambda e: (e["created_at"], e["entity_id"], e["seq"]))
        for event, event_id in zip(events, self.ids.take(AuditEvent, len(events))):
            event["id"] = event_id
            del event["seq"]
        self.rows[AuditEvent] = events

    def _replay(self, rng: random.Random, spec: dict) -> list[dict]:
        row, lead = spec["row"], spec["leads"][0]
        steps = with_edits(rng, spec["steps"], spec.get("extra", 0))
        staff, head = rng.choice(self.staff[lead]), rng.choice(self.heads[lead])
        people = {"staff": staff, "head": head, "reviewer": rng.choice(self.reviewers),
                  "admin": self.admins[0]}
        start = row["created_at"] + timedelta(hours=1)
        span = max(3600.0, (self.end - start).total_seconds())
        moments = sorted(start + timedelta(seconds=int(rng.random() * span)) for _ in steps)
        state, events = "assigned", []
        for seq, (step, moment) in enumerate(zip(steps, moments)):
            actor = people[ACTORS[step]]
            if step == "edit_draft" and rng.random() < 0.2:
                actor = rng.choice(self.staff[lead])
            event = {"entity_type": "task", "entity_id": row["id"], "action": step, "reason": None,
                     "actor_id": actor, "unit_id": self.user_unit[actor], "created_at": moment,
                     "seq": seq}
            if step == "edit_draft":
                event.update(action_label=EDIT_LABEL, from_state=None, to_state=None)
                row["draft_updated_at"] = moment
            else:
                move = TASK.transition(step, state)
                event.update(action_label=move.label, from_state=state, to_state=move.dest,
                             reason=rng.choice(REASONS[step]) if move.needs_reason else None)
                apply_move(row, step, move.dest, actor, moment)
                state = move.dest
            events.append(event)
        assert state == row["state"], (state, row["state"])
        if row["draft_updated_at"]:
            row["draft"] = rng.choice(DRAFTS).format(
                a=rng.randint(2, 40), b=rng.randint(50, 3000), c=rng.randint(1, 500))
        row["version"] = 1 + len(events)
        row["updated_at"] = moments[-1] if moments else row["created_at"]
        return events

    def _comments(self, specs: list[dict]) -> None:
        rng, comments = self.rng("comments"), []
        for n, i in enumerate(rng.choices(range(len(specs)), k=self.volume.comments) if specs else ()):
            spec = specs[i]
            row, lead = spec["row"], spec["leads"][0]
            pools = [self.staff[lead], self.heads[lead], self.reviewers]
            pools += [self.staff[u] for u in spec["coordinating"] if u in self.staff]
            span = max(3600.0, (self.end - row["created_at"]).total_seconds())
            comments.append({"task_id": row["id"], "author_id": rng.choice(rng.choice(pools)),
                             "body": rng.choice(COMMENTS), "seq": n,
                             "created_at": row["created_at"] + timedelta(seconds=int(rng.random() * span))})
        comments.sort(key=lambda c: (c["created_at"], c["task_id"], c["seq"]))
        for comment, comment_id in zip(comments, self.ids.take(Comment, len(comments))):
            comment["id"] = comment_id
            del comment["seq"]
        self.rows[Comment] = comments
