"""A workflow definition as data, run on one shared `transitions` machine per kind."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable

from transitions import Machine, MachineError


class WorkflowError(Exception):
    """An illegal or forbidden move; `message` is shown to the user in Vietnamese."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class ReasonRequired(WorkflowError):
    """The move needs a written reason and none was given."""


class Forbidden(WorkflowError):
    """The actor's roles or unit do not allow the move."""


@dataclass(frozen=True)
class State:
    """A state with the label and badge colour users see."""

    name: str
    label: str
    colour: str
    final: bool = False


@dataclass(frozen=True)
class Actor:
    """Who wants to move an item: roles, and facts about them relative to the item.

    `relations` are computed by the caller, e.g. {"lead_unit", "standing_agency",
    "submitter"}; the workflow only reads them, so it needs neither a database nor a web layer.
    """

    roles: frozenset[str]
    relations: frozenset[str] = frozenset()


Guard = Callable[[Actor, dict], "str | None"]


@dataclass(frozen=True)
class Transition:
    """One move: who may make it, from where to where, and what it needs."""

    trigger: str
    source: tuple[str, ...]
    dest: str
    label: str
    roles: frozenset[str]
    relations: frozenset[str] = frozenset()
    guards: tuple[Guard, ...] = ()
    needs_reason: bool = False
    style: str = "primary"
    # Roles for whom an item in `source` counts as waiting for them (None: all of `roles`).
    todo_roles: frozenset[str] | None = None

    @property
    def waits_for(self) -> frozenset[str]:
        """Roles whose to-do list shows items this move can leave."""
        return self.roles if self.todo_roles is None else self.todo_roles


@dataclass
class Workflow:
    """A workflow kind: its states and transitions, with one model-free machine."""

    name: str
    title: str
    states: tuple[State, ...]
    initial: str
    transitions: tuple[Transition, ...]
    machine: Machine = field(init=False, repr=False)

    def __post_init__(self):
        self._states = {s.name: s for s in self.states}
        self._by_trigger: dict[str, list[Transition]] = {}
        for t in self.transitions:
            self._by_trigger.setdefault(t.trigger, []).append(t)
        self.machine = Machine(
            model=None,
            states=[s.name for s in self.states],
            initial=self.initial,
            transitions=[
                {"trigger": t.trigger, "source": list(t.source), "dest": t.dest}
                for t in self.transitions
            ],
            auto_transitions=False,
            send_event=True,
        )

    def state(self, name: str) -> State:
        """Return the state called `name`."""
        return self._states[name]

    def has_trigger(self, trigger: str) -> bool:
        """Tell whether `trigger` names a move of this workflow (routes answer 404 otherwise)."""
        return trigger in self._by_trigger

    def transition(self, trigger: str, state: str) -> Transition | None:
        """Return the transition fired by `trigger` from `state`, if any."""
        for t in self._by_trigger.get(trigger, ()):
            if state in t.source:
                return t
        return None

    def check(self, trigger: str, state: str, actor: Actor, facts: dict | None = None) -> Transition:
        """Return the transition `actor` may fire, or raise why not."""
        t = self.transition(trigger, state)
        if t is None:
            raise WorkflowError("Thao tác này không hợp lệ ở trạng thái hiện tại.")
        if not (actor.roles & t.roles):
            raise Forbidden("Bạn không có quyền thực hiện thao tác này.")
        if not t.relations <= actor.relations:
            raise Forbidden("Thao tác này thuộc về đơn vị khác.")
        for guard in t.guards:
            reason = guard(actor, facts or {})
            if reason:
                raise Forbidden(reason)
        return t

    def refusal(self, trigger: str, state: str, actor: Actor, facts: dict | None = None) -> str | None:
        """Say why `actor` may not fire `trigger` from `state`, or None when allowed."""
        try:
            self.check(trigger, state, actor, facts)
        except WorkflowError as exc:
            return exc.message
        return None

    def can_fire(self, trigger: str, state: str, actor: Actor, facts: dict | None = None) -> bool:
        """Tell whether `actor` may fire `trigger` from `state`."""
        return self.refusal(trigger, state, actor, facts) is None

    def allowed(self, state: str, actor: Actor, facts: dict | None = None) -> list[Transition]:
        """List the transitions `actor` may fire from `state`, in definition order."""
        return [
            t for t in self.transitions
            if state in t.source and self.can_fire(t.trigger, state, actor, facts)
        ]

    def fire(self, trigger: str, state: str, actor: Actor, *, reason: str | None = None,
             facts: dict | None = None) -> str:
        """Check and run one move on the shared machine; return the new state name."""
        t = self.check(trigger, state, actor, facts)
        if t.needs_reason and not (reason or "").strip():
            raise ReasonRequired("Vui lòng nhập lý do.")
        item = _Item(state)
        self.machine.add_model(item, initial=state)
        try:
            item.trigger(trigger)
        except MachineError as exc:  # defensive: the definition and the machine disagree
            raise WorkflowError("Thao tác này không hợp lệ ở trạng thái hiện tại.") from exc
        finally:
            self.machine.remove_model(item)
        return item.state

    def reachable_from(self, state: str) -> Iterable[str]:
        """Return the states one move away from `state`."""
        return {t.dest for t in self.transitions if state in t.source}


class _Item:
    """A throw-away model attached to the machine for one move."""

    def __init__(self, state: str):
        self.state = state
