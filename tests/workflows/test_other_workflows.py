"""Report and document workflows, and the engine's purity."""
import ast
from pathlib import Path

import pytest

from workflows import DOCUMENT, UNIT_REPORT, WORKFLOWS, Actor, Forbidden

HEAD = Actor(frozenset({"unit_head"}), frozenset({"own_unit"}))
REVIEWER = Actor(frozenset({"reviewer"}), frozenset({"standing_agency"}))
SIGNER = Actor(frozenset({"signer"}), frozenset({"issuing_unit"}))


def test_unit_report_goes_from_draft_to_accepted():
    state = UNIT_REPORT.initial
    for trigger, actor in [("approve_unit", HEAD), ("submit", HEAD), ("start_review", REVIEWER),
                           ("accept", REVIEWER)]:
        state = UNIT_REPORT.fire(trigger, state, actor)
    assert state == "accepted"


def test_returned_report_can_be_approved_again():
    state = UNIT_REPORT.fire("return_report", "under_review", REVIEWER, reason="Thiếu số liệu")
    assert UNIT_REPORT.fire("approve_unit", state, HEAD) == "unit_approved"


def test_document_is_reviewed_signed_and_issued():
    state = DOCUMENT.fire("review", "draft", REVIEWER)
    state = DOCUMENT.fire("sign", state, SIGNER, facts={"has_certificate": True})
    assert DOCUMENT.fire("issue", state, SIGNER) == "issued"


def test_signing_needs_a_certificate_and_the_signer_role():
    with pytest.raises(Forbidden, match="chứng thư"):
        DOCUMENT.fire("sign", "reviewed", SIGNER, facts={"has_certificate": False})
    with pytest.raises(Forbidden):
        DOCUMENT.fire("sign", "reviewed", REVIEWER)


def test_workflows_import_neither_flask_nor_sqlalchemy():
    for path in Path(__file__).resolve().parents[2].joinpath("workflows").glob("*.py"):
        tree = ast.parse(path.read_text())
        names = {alias.name.split(".")[0] for node in ast.walk(tree)
                 if isinstance(node, (ast.Import, ast.ImportFrom))
                 for alias in (node.names if isinstance(node, ast.Import) else [ast.alias(node.module or "")])}
        assert not names & {"flask", "sqlalchemy", "flask_sqlalchemy", "intranet"}, path


def test_readme_diagrams_are_the_definitions():
    from workflows import WORKFLOWS
    from workflows.diagram import to_mermaid

    readme = Path(__file__).resolve().parents[2].joinpath("README.md").read_text()
    for workflow in WORKFLOWS.values():
        assert to_mermaid(workflow) in readme, workflow.name


@pytest.mark.parametrize("workflow", WORKFLOWS.values(), ids=lambda w: w.name)
def test_has_trigger_knows_exactly_the_workflows_moves(workflow):
    for transition in workflow.transitions:
        assert workflow.has_trigger(transition.trigger)
    assert not workflow.has_trigger("to_approved")  # no auto transitions as back doors
    assert not workflow.has_trigger("")
