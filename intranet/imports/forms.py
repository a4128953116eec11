"""Read the import forms: the uploaded source, header fixes and the unit chosen for each name."""
from __future__ import annotations

from .services import IMPORT_MAX_BYTES, HeaderEdits, NewUnit, Source


def read_source(files, form) -> Source:
    """The uploaded file (at most one byte over the limit is read) or the pasted text."""
    upload = files.get("file")
    if upload is not None and upload.filename:
        return Source(filename=upload.filename, data=upload.stream.read(IMPORT_MAX_BYTES + 1))
    return Source(pasted=form.get("text", ""))


def read_header(form) -> HeaderEdits:
    """The header fields as the person left them (number, symbol, issue date, title)."""
    return HeaderEdits(number=form.get("number", ""), symbol=form.get("symbol", ""),
                       issued_on=form.get("issued_on", ""), title=form.get("title", ""))


def read_choices(form) -> dict[str, int | NewUnit | None]:
    """What the person chose for each flagged name, by its key: a unit id, a new unit, or nothing."""
    choices: dict[str, int | NewUnit | None] = {}
    for field, value in form.items():
        if not field.startswith("unit-"):
            continue
        key, value = field.removeprefix("unit-"), value.strip()
        if value == "new":
            choices[key] = NewUnit(name=form.get(f"new-name-{key}", ""),
                                   kind=form.get(f"new-kind-{key}", ""))
        elif value.isdigit():
            choices[key] = int(value)
        else:
            choices[key] = None
    return choices
