"""Parse a plan's text into the parsed-plan format described in docs/plan-format.md."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass

from . import assignments as assign
from .assignments import Section
from .blocks import Block, join_blocks, prepare_lines, wrap_width
from .deadlines import deadline_key, find_deadlines
from .header import body_start_without_type, find_doc_type, issuer_blocks, read_header, read_title
from .tail import issuers_from_signers, read_tail, starts_tail
from .targets import aims_in, is_target_heading, milestones
from .text import clean

_LEGAL_BASIS = re.compile(r"(Căn cứ|Thực hiện|Theo đề nghị)\b")
_CLOSING = re.compile(r"Trên đây\b")
_BLOCK_TYPES = {"bullet": "bullet", "plus": "subbullet", "para": "paragraph"}


@dataclass
class Regions:
    """The lines of a document cut into header, title, body and end matter."""

    header: list[str]
    doc_type: str | None
    title: list[str]
    body: list[str]
    tail: list[str]


def parse_plan(text: str) -> dict:
    """Parse a plan's text (.txt or read from .docx) into the parsed-plan dict."""
    regions = split_regions(prepare_lines(clean(text)))
    header = read_header(regions.header)
    tail = read_tail(regions.tail)
    blocks = join_blocks(regions.body, wrap_width(regions.body))
    preamble, sections, closing = layout(blocks)
    title = " ".join(regions.title) or None
    issued_on = header["issued_on"]
    plan = {
        "number": header["number"], "symbol": header["symbol"],
        **_issuers(header, tail["signers"], blocks),
        "place": header["place"], "issued_on": issued_on,
        "doc_type": regions.doc_type, "title": title, "period": plan_period(title, issued_on),
        "legal_basis": [b.text for b in preamble if _LEGAL_BASIS.match(b.text)],
        "intro": [b.text for b in preamble if not _LEGAL_BASIS.match(b.text)],
        "sections": [_section_dict(s) for s in sections],
        "closing": closing,
    }
    plan.update(_work(sections, plan["period"], issued_on, closing))
    plan.update(signers=tail["signers"], recipients=tail["recipients"],
                drafter_mark=tail["drafter_mark"])
    return plan


def to_json(plan: dict) -> str:
    """The parsed plan as pretty JSON, Vietnamese left readable."""
    return json.dumps(plan, ensure_ascii=False, indent=2)


def parse_plan_json(text: str) -> str:
    """Parse a plan's text straight to JSON."""
    return to_json(parse_plan(text))


def split_regions(lines: list[str]) -> Regions:
    """Cut prepared lines at the type line, the end of the title and the end matter."""
    type_at = find_doc_type(lines)
    if type_at is None:
        body_at = body_start_without_type(lines)
        header, doc_type, title = lines[:body_at], None, []
    else:
        title, body_at = read_title(lines, type_at + 1)
        header, doc_type = lines[:type_at], lines[type_at]
    tail_at = next((i for i in range(body_at, len(lines)) if starts_tail(lines[i])), len(lines))
    return Regions(header, doc_type, title, lines[body_at:tail_at], lines[tail_at:])


def layout(blocks: list[Block]) -> tuple[list[Block], list[Section], list[str]]:
    """Blocks before section I, the sections, and the closing paragraphs."""
    preamble: list[Block] = []
    sections: list[Section] = []
    closing: list[str] = []
    ended = False  # "./." ends the body; "Trên đây là ..." opens the closing
    for block in blocks:
        if ended or (block.kind == "para" and _CLOSING.match(block.text)):
            closing.append(block.text)
            ended = True
        elif block.kind == "roman":
            sections.append(Section(block.number, block.text))
        else:
            (sections[-1].blocks if sections else preamble).append(block)
        ended = ended or block.text.endswith("./.")
    return preamble, sections, closing


def _section_dict(section: Section) -> dict:
    return {"heading": f"{section.number}. {section.title}".strip(), "number": section.number,
            "title": section.title, "blocks": [_block_dict(b) for b in section.blocks]}


def _block_dict(block: Block) -> dict:
    if block.kind in ("numbered", "lettered"):
        kind = "heading" if block.heading_open else "numbered"
        return {"type": kind, "number": block.number, "text": block.text}
    return {"type": _BLOCK_TYPES[block.kind], "text": block.text}


def plan_period(title: str | None, issued_on: str | None) -> dict | None:
    """The years a plan covers, from "giai đoạn 2021 - 2025" or "đến năm 2030"."""
    title = title or ""
    m = re.search(r"giai đoạn\s+(\d{4})\s*[-–]\s*(\d{4})", title, re.IGNORECASE)
    if m:
        return {"start": int(m[1]), "end": int(m[2])}
    m = re.search(r"đến năm\s+(\d{4})", title, re.IGNORECASE)
    if m:
        return {"start": int(issued_on[:4]) if issued_on else None, "end": int(m[1])}
    m = re.search(r"\bnăm\s+(\d{4})$", title, re.IGNORECASE)
    return {"start": int(m[1]), "end": int(m[1])} if m else None


def _issuers(header: dict, signers: list[dict], blocks: list[Block]) -> dict:
    """Issuers from the header, or from the signature blocks when the header lost them."""
    groups = header["issuer_groups"]
    if groups:
        found = issuer_blocks(groups, joint=len(signers) > 1)
        return {"issuers": [" ".join(b["lines"]) for b in found], "issuer_blocks": found,
                "issuer_source": "header"}
    body = " ".join(b.text for b in blocks)
    names = issuers_from_signers(signers, body, header["place"])
    return {"issuers": names, "issuer_blocks": [{"parent": None, "lines": [n]} for n in names],
            "issuer_source": "signatures" if names else None}


def _work(sections: list[Section], period: dict | None, issued_on: str | None,
          closing: list[str]) -> dict:
    """Targets, assignments, activities and the plan's deadlines."""
    chosen = assign.assignment_section(sections)
    assignments: list[dict] = []
    activities: list[dict] = []
    # In reading order: ("tasks", group) for assignees and activities, (clause, text) otherwise.
    sources: list[tuple[str, dict | str]] = []
    for i, section in enumerate(sections):
        if i == chosen:
            assignments, leftovers = assign.read_assignments(section, issued_on)
            sources += [("tasks", a) for a in assignments]
            sources += [(_clause(section, b), b.text) for b in leftovers]
        elif assign.is_activity_section(section):
            groups = assign.read_activities(section, issued_on)
            activities += groups
            sources += [("tasks", g) for g in groups]
        elif assign.is_general_section(section):
            sources += [(_clause(section, b), b.text) for b in section.blocks]
    return {"targets": read_targets(sections, period), "assignments": assignments,
            "activities": activities, "deadlines": _plan_deadlines(sources, issued_on)}


def _clause(section: Section, block: Block) -> str:
    return f"{section.number}.{block.number}" if block.number else section.number


def read_targets(sections: list[Section], period: dict | None) -> list[dict]:
    """Bullets of the "Chỉ tiêu" subsection, else aims stated in the text ("phấn đấu ...")."""
    targets = []
    for section in sections:
        clause = None
        for block in section.blocks:
            if block.kind in ("numbered", "lettered") and block.heading_open:
                clause = _clause(section, block) if is_target_heading(block.text) else None
            elif clause and block.kind in ("bullet", "para", "plus"):
                targets.append(_target(block.text, clause, period))
    if targets:
        return targets
    return [_target(aim, _clause_of(section, block), period)
            for section in sections for block in section.blocks for aim in aims_in(block.text)]


def _clause_of(section: Section, block: Block) -> str:
    number = None
    for candidate in section.blocks:
        if candidate.kind == "numbered" and candidate.heading_open:
            number = candidate.number
        if candidate is block:
            break
    return f"{section.number}.{number}" if number else section.number


def _target(text: str, clause: str, period: dict | None) -> dict:
    return {"text": text, "milestones": milestones(text, period), "clause": clause}


def _plan_deadlines(sources: list[tuple[str, dict | str]], issued_on: str | None) -> list[dict]:
    """Each deadline once, from tasks and general provisions, with where it first appears."""
    found: list[dict] = []
    for where, source in sources:
        if where == "tasks":
            found += [{**d, "clause": t["clause"]} for t in source["tasks"] for d in t["deadlines"]]
        else:
            found += [{**d, "clause": where} for d in find_deadlines(source, issued_on)]
    unique: dict[tuple, dict] = {}
    for deadline in found:
        unique.setdefault(deadline_key(deadline), deadline)
    return list(unique.values())
