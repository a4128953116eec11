"""`flask import-plan` never guesses a unit: --map names one, --create-units adds the unknown."""
import json

from intranet.extensions import db
from intranet.plans.models import Plan
from intranet.tasks.models import Task, TaskUnit
from intranet.units.models import OrgUnit

from .conftest import BAC_GIANG, BEN_TRE
from .test_import_command import run

SURE_MAPS = ["--map", "Sở Kế hoạch và Đầu tư=Sở Tài chính",
             "--map", "Công an các huyện, thành phố=cat",  # a unit code
             "--map", "Ủy ban nhân dân các huyện, thành phố=UBND các huyện, thị xã, thành phố"]


def counts(app) -> tuple[int, int, int]:
    """Plans, tasks and units stored."""
    with app.app_context():
        return tuple(db.session.scalar(db.select(db.func.count()).select_from(m))
                     for m in (Plan, Task, OrgUnit))


def test_help_says_what_happens_to_unmatched_names(app):
    result = run(app, "--help")
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    assert "KHÔNG đoán" in text and "--map" in text and "--create-units" in text
    assert "--dry-run" in text and "5 MB" in text


def test_dry_run_json_lists_the_matches_and_saves_nothing(app):
    before = counts(app)
    result = run(app, BAC_GIANG, "--dry-run", "--json")
    assert result.exit_code == 0, result.stderr
    parsed = json.loads(result.stdout)
    matches = {m["name"]: m for m in parsed["unit_matches"]}
    assert matches["Sở GD&ĐT"]["unit"] == "Sở Giáo dục và Đào tạo"
    assert matches["Sở Kế hoạch và Đầu tư"] == {"name": "Sở Kế hoạch và Đầu tư",
                                                "match": "suggestion", "unit": None,
                                                "suggestions": ["Sở Tài chính"]}
    assert matches["Ban Dân tộc tỉnh"]["match"] == "none"
    assert counts(app) == before


def test_create_units_alone_still_refuses_old_names(app):
    before = counts(app)
    result = run(app, BAC_GIANG, "--create-units")
    assert result.exit_code == 1
    assert "Sở Giao thông vận tải — gợi ý: Sở Xây dựng" in result.stderr
    assert "chưa có trong danh mục" in result.stderr
    assert "Ban Dân tộc tỉnh" not in result.stderr  # no suggestion: --create-units covers it
    assert counts(app) == before


def test_a_map_target_missing_from_the_directory_needs_create_units(app):
    before = counts(app)
    result = run(app, BAC_GIANG, *SURE_MAPS, "--map", "Sở Giao thông vận tải=Sở Xây dựng")
    assert result.exit_code == 1
    assert "Không có đơn vị “Sở Xây dựng” trong danh mục" in result.stderr
    assert counts(app) == before


def test_maps_and_create_units_save_the_plan(app):
    before = counts(app)
    result = run(app, BAC_GIANG, *SURE_MAPS, "--map", "Sở Giao thông vận tải=Sở Xây dựng",
                 "--create-units", "--json")
    assert result.exit_code == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["reference"] == "156/KH-UBND" and out["tasks"] == 14
    assert out["units_created"] == ["Sở Xây dựng", "Sở Văn hóa, Thể thao và Du lịch",
                                    "Ban Dân tộc tỉnh"]
    assert counts(app) == (before[0] + 1, before[1] + 14, before[2] + 3)
    with app.app_context():
        rows = db.session.execute(
            db.select(Task.clause, OrgUnit.name).join(TaskUnit, TaskUnit.task_id == Task.id)
            .join(OrgUnit, OrgUnit.id == TaskUnit.unit_id)
            .where(Task.plan_id == out["id"], TaskUnit.role == "lead")).all()
        leads = dict(rows)
        assert leads["II.3"] == "Sở Tài chính" and leads["II.4"] == "Sở Xây dựng"
        assert leads["II.11"] == "Công an tỉnh" and leads["II.10"] == "Ban Dân tộc tỉnh"
        kinds = dict(db.session.execute(db.select(OrgUnit.name, OrgUnit.kind).where(
            OrgUnit.name.in_(out["units_created"]))).all())
        assert set(kinds.values()) == {"department"}


def test_bad_map_values_are_refused(app):
    before = counts(app)
    for value, message in [("Sở Y tế", "chưa đúng dạng"),
                           ("Sở Y tế=Sở Y tế", "không cần chỉ định")]:
        result = run(app, BAC_GIANG, *SURE_MAPS, "--create-units", "--map", value)
        assert result.exit_code == 1 and message in result.stderr
    assert counts(app) == before


def test_a_joint_plan_without_number_is_not_saved_twice(app):
    before = counts(app)
    result = run(app, BEN_TRE)
    assert result.exit_code == 1
    assert "ban hành ngày 30/12/2021 đã có trong hệ thống" in result.stderr
    assert counts(app) == before
