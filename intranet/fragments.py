"""Rendered fragments kept per worker, valid for one generation of the data and one day.

The long task tables (a plan's full table, my work, the review queue) cost 20–50 ms to query and
render, and are read far more often than the data changes. Each worker keeps their HTML in a
least-recently-used store bounded in characters (FRAGMENT_CACHE_CHARS), under a key made of:

- the data generation: one row in the database, raised just before the commit of every
  transaction that wrote anything (except notifications, which no fragment shows). Workers share
  it through the database, so a change made through one worker is seen by all the others on
  their next request, and the raise commits or rolls back with the change it marks. Raising it
  last keeps its row lock for the commit only: a writer waiting for it holds nothing the holder
  will wait for, so writers queue there but cannot deadlock on it (PostgreSQL);
- today's date in Vietnam, which deadline badges depend on;
- whatever else the fragment depends on, given by the caller (plan, filters, user).

A second row, the people generation, is raised only by transactions that wrote accounts, roles or
units (or wrote by hand, where nobody knows what): the copy of the signed-in user each worker
keeps (`KeptCopies`, see auth.services) follows it, so a task moving on does not make every
worker read every user again.

A request that has written something in its own transaction neither stores nor reads fragments:
its uncommitted rows must not outlive a rollback under a generation another writer may commit.
A fragment never holds a CSRF token or anything else of the session: a fragment with forms
(`cached_with_forms`) is stored with a placeholder where the token goes, and keyed on the user.
"""
from __future__ import annotations

import threading
from typing import Callable

from cachetools import LRUCache
from flask import current_app, g, has_app_context
from flask_wtf.csrf import generate_csrf
from markupsafe import Markup
from sqlalchemy import DDL, BigInteger, Integer, event, insert, text, update
from sqlalchemy.orm import Mapped, Session, mapped_column, object_session
from sqlalchemy.sql.elements import TextClause

from .extensions import db
from .formatting import today_vn

_WROTE = "data_generation_wrote"
_WROTE_PEOPLE = "data_generation_wrote_people"
_CSRF_SLOT = "csrf-token-of-the-request"  # what a stored form holds where its token goes
_KEPT = "fragments_from_kept_objects"
_TEXT_WRITES = ("INSERT", "UPDATE", "DELETE")  # how plain SQL that writes begins
ROW_ID = 1
PEOPLE_ROW_ID = 2
_RESTART = 1 << 40  # far above any generation a worker may have cached under


class DataGeneration(db.Model):
    """Two rows: how many transactions have written data (ROW_ID), and how many of them wrote
    accounts, roles or units (PEOPLE_ROW_ID), since the table was created."""

    __tablename__ = "data_generation"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, nullable=False, default=0)


# The rows exist from the start wherever the schema comes from create_all (tests, gen-data);
# the migrations insert them too.
event.listen(DataGeneration.__table__, "after_create",
             DDL(f"INSERT INTO data_generation (id, value) VALUES ({ROW_ID}, 0), ({PEOPLE_ROW_ID}, 0)"))


def _neutral_class(cls) -> bool:
    """Rows no cached fragment reads: writing them leaves the generation alone."""
    from .notifications.models import Notification

    return issubclass(cls, Notification)


def _people_class(cls) -> bool:
    """Rows a signed-in user is loaded with: the account, its roles, units."""
    from .auth.models import User, UserRole
    from .units.models import OrgUnit

    return issubclass(cls, (User, UserRole, OrgUnit))


def data_changed(session: Session, *, people: bool = True) -> None:
    """Mark the session's transaction as one that changes data (the commit raises the generation),
    and with `people` as one that may have changed accounts, roles or units.

    The ORM's flushes and statements mark it by themselves; call this after writing through the
    connection directly (bulk loads).
    """
    session.info[_WROTE] = True
    if people:
        session.info[_WROTE_PEOPLE] = True


@event.listens_for(Session, "before_flush")
def _before_flush(session: Session, _context, _instances) -> None:
    """Rows added or changed mark the transaction; deleted ones are marked as they go (below)."""
    changed = [type(obj) for obj in (
        *session.new,
        *(obj for obj in session.dirty if session.is_modified(obj, include_collections=False)))]
    if any(not _neutral_class(cls) for cls in changed):
        data_changed(session, people=any(_people_class(cls) for cls in changed))


@event.listens_for(db.Model, "after_delete", propagate=True)
def _row_deleted(_mapper, _connection, target) -> None:
    """Every row a flush deletes marks the transaction, those it deletes by itself too: a role
    taken out of `user.role_rows` is deleted as an orphan, in none of the session's lists."""
    cls = type(target)
    session = object_session(target)
    if session is not None and not _neutral_class(cls):
        data_changed(session, people=_people_class(cls))


@event.listens_for(Session, "do_orm_execute")
def _bulk_statement(state) -> None:
    """`update(Task)…`, `delete(…)` and `insert(…)` sent through the session change data too;
    a statement on no mapped class (a table, text) may have changed anything."""
    if isinstance(state.statement, TextClause):
        if state.statement.text.lstrip()[:6].upper() in _TEXT_WRITES:
            data_changed(state.session)
        return
    if not (state.is_update or state.is_delete or state.is_insert):
        return
    mapper = state.bind_mapper
    if mapper is not None and (mapper.class_ is DataGeneration or _neutral_class(mapper.class_)):
        return
    data_changed(state.session, people=mapper is None or _people_class(mapper.class_))


def _raise(session: Session, row_id: int) -> None:
    raised = session.execute(update(DataGeneration).where(DataGeneration.id == row_id)
                             .values(value=DataGeneration.value + 1))
    if raised.rowcount == 0:  # the row was deleted by hand: start again above any value seen
        session.execute(insert(DataGeneration).values(id=row_id, value=_RESTART))


@event.listens_for(Session, "before_commit")
def _raise_generation(session: Session) -> None:
    session.flush()  # what is still pending marks the transaction too
    people = session.info.pop(_WROTE_PEOPLE, False)
    if session.info.pop(_WROTE, False):
        _raise(session, ROW_ID)
        # Always after ROW_ID: every writer locks the rows in the same order (no deadlock).
        if people:
            _raise(session, PEOPLE_ROW_ID)


@event.listens_for(Session, "after_commit")
def _forget_generation(_session: Session) -> None:
    """The generation this request read is behind its own commit: read it again if asked."""
    if has_app_context():
        g.pop("data_generation", None)
        g.pop("people_generation", None)


@event.listens_for(Session, "after_transaction_end")
def _transaction_over(session: Session, transaction) -> None:
    """Forget the mark with the outermost transaction; a savepoint rolled back keeps it (harmless)."""
    if transaction.parent is None:
        session.info.pop(_WROTE, None)
        session.info.pop(_WROTE_PEOPLE, None)


GENERATION_SQL = f"SELECT value FROM {DataGeneration.__tablename__} WHERE id = {ROW_ID}"
PEOPLE_GENERATION_SQL = f"SELECT value FROM {DataGeneration.__tablename__} WHERE id = {PEOPLE_ROW_ID}"
_GENERATION = text(GENERATION_SQL)
_PEOPLE_GENERATION = text(PEOPLE_GENERATION_SQL)


def read_outside_transaction(statement, params: dict | None = None):
    """The first row (or None) of a read that needs no transaction of its own: the request's first.

    On PostgreSQL a session's first statement opens a transaction (psycopg sends BEGIN first)
    and the request's end closes it (ROLLBACK): two round trips more for a page served from
    the store, whose only statement is this one. An autocommit connection sends the statement
    alone. SQLite's driver opens no transaction for a read anyway. Once the request's
    transaction is open, its reads belong in it (they see its own writes).
    """
    session = db.session()
    if session.in_transaction() or db.engine.dialect.name != "postgresql":
        return session.execute(statement, params).first()
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        return connection.execute(statement, params).first()


def _read_once(name: str, statement) -> int:
    """A counter read once per request (and again after its commit), kept in `g.<name>`.

    Plain SQL: every page asks, and building the same ORM select costs ten times the query.
    """
    if name not in g:
        row = read_outside_transaction(statement)
        setattr(g, name, (row[0] or 0) if row else 0)
    return getattr(g, name)


def generation() -> int:
    """The committed data generation."""
    return _read_once("data_generation", _GENERATION)


def generation_known() -> bool:
    """Has this request read the generation since it began or last committed?"""
    return "data_generation" in g


def remember_generation(value: int | None, people: int | None) -> None:
    """Keep the generations read along with something else (see auth.services.load_user)."""
    g.data_generation = value or 0
    g.people_generation = people or 0


def people_generation() -> int:
    """The committed people generation, as read with the data generation at the request's start."""
    return _read_once("people_generation", _PEOPLE_GENERATION)


def commit_keeping_loaded() -> None:
    """Commit without expiring what the session has loaded, to render the response from the
    objects as this request wrote them instead of reading them back.

    Fragments rendered afterwards are not stored: another writer may commit between this commit
    and the render, and a fragment made from these objects would then sit under its generation.
    """
    session = db.session()
    session.expire_on_commit = False
    try:
        session.commit()
    finally:
        session.expire_on_commit = True
    g.setdefault(_KEPT, True)


def writing() -> bool:
    """Has this request's transaction written anything yet?"""
    return bool(db.session.info.get(_WROTE))


class FragmentStore:
    """This worker's fragments: least recently used go first once they hold `max_chars` in all."""

    def __init__(self, max_chars: int):
        self._lru = LRUCache(maxsize=max_chars, getsizeof=len)
        self._lock = threading.Lock()  # the development server runs requests in threads

    def get(self, key: tuple) -> str | None:
        with self._lock:
            return self._lru.get(key)

    def put(self, key: tuple, html: str) -> None:
        if len(html) > self._lru.maxsize:
            return
        with self._lock:
            self._lru[key] = html

    def __len__(self) -> int:
        return len(self._lru)


class KeptCopies:
    """This worker's detached copies of rows it has loaded, each valid under one generation.

    Merging a kept copy into the request's session sends no SQL, and costs a fraction of loading
    the rows again: a user with unit and roles a fifth, a task with its units and plan header
    under half. A copy is used only under the generation it was loaded in.
    """

    def __init__(self, size: int):
        self._kept = LRUCache(maxsize=size)
        self._lock = threading.Lock()

    def fetch(self, key, generation: Callable[[], int], load: Callable[[], object]):
        """The object of `key` in the request's session: the kept copy if it was loaded under
        `generation()`, else `load()` (None if there is none), kept for that generation.

        Only `load()` while caching is off or the request has written: its own uncommitted rows
        must not be kept, nor a copy stand in for them.
        """
        if not current_app.config["FRAGMENT_CACHE_CHARS"] or writing():
            return load()
        now = generation()
        with self._lock:
            kept = self._kept.get(key)
        if kept is not None and kept[0] == now:
            return db.session.merge(kept[1], load=False)
        obj = load()
        if obj is not None:
            self._put(key, now, obj)
        return obj

    def _put(self, key, generation: int, obj) -> None:
        """Keep a detached copy of `obj` (and what it has loaded) for `generation`."""
        scratch = Session()  # never in a request: the copy belongs to no session
        copy = scratch.merge(obj, load=False)
        scratch.close()
        with self._lock:
            self._kept[key] = (generation, copy)


def init_app(app) -> None:
    """Give the app its store; FRAGMENT_CACHE_CHARS = 0 turns caching off."""
    app.extensions["fragments"] = FragmentStore(app.config["FRAGMENT_CACHE_CHARS"])


def store() -> FragmentStore:
    return current_app.extensions["fragments"]


def cached(name: str, key: tuple, build: Callable[[], str]) -> Markup:
    """The HTML `build()` renders, from this worker's store when the data has not changed since."""
    if writing() or not current_app.config["FRAGMENT_CACHE_CHARS"]:
        return Markup(build())
    full_key = (name, generation(), today_vn(), *key)
    html = store().get(full_key)
    if html is None:
        html = Markup(build())  # kept as Markup: wrapping a str copies it, on every request
        # build() may have written (it should not), or rendered objects kept over a commit
        if not (writing() or g.get(_KEPT)):
            store().put(full_key, html)
    return html


def cached_with_forms(name: str, key: tuple, build: Callable[[], str]) -> Markup:
    """Like `cached`, for a fragment holding forms; `key` must name the user, whose rights the
    forms follow.

    It is rendered with a placeholder for the CSRF token (Flask-WTF keeps the request's signed
    token in `g.csrf_token`, which every `csrf_token()` of the render returns) and stored so;
    each request's own token is put in on the way out.
    """
    field = current_app.config.get("WTF_CSRF_FIELD_NAME", "csrf_token")

    def with_slot() -> str:
        own = g.pop(field, None)
        setattr(g, field, _CSRF_SLOT)
        try:
            return build()
        finally:
            g.pop(field, None)
            if own is not None:
                setattr(g, field, own)

    return cached(name, key, with_slot).replace(_CSRF_SLOT, generate_csrf())
