"""`flask import-plan PATH [--dry-run] [--json]`: print the parsed plan, or save it."""
import json
from pathlib import Path

import pytest

from intranet.extensions import db
from intranet.plans.models import Plan
from intranet.tasks.models import Task

SEEDS = Path(__file__).resolve().parents[2] / "intranet" / "demo" / "seeds"
CONTRACT = {"number", "symbol", "issuers", "place", "issued_on", "title", "sections", "targets",
            "assignments", "deadlines", "signers", "recipients"}

# An invented plan whose every body is a demo unit (by name or abbreviation).
PLAN = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG NINH
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 91/KH-UBND
Quảng Ninh, ngày 02 tháng 6 năm 2025

KẾ HOẠCH
HƯỞNG ỨNG THÁNG HÀNH ĐỘNG PHÒNG, CHỐNG MA TÚY NĂM 2025

I. MỤC ĐÍCH, YÊU CẦU
Nâng cao hiệu quả công tác phòng, chống ma túy trong thanh, thiếu niên.

II. PHÂN CÔNG NHIỆM VỤ
1. Công an tỉnh
- Chủ trì tổ chức Lễ mít tinh hưởng ứng Ngày quốc tế phòng, chống ma túy 26/6.
- Tổng hợp kết quả, báo cáo Ủy ban nhân dân tỉnh trước ngày 15/7/2025.
2. Sở GD&ĐT
- Tổ chức tuyên truyền cho học sinh trong dịp hè.
3. Sở Y tế
- Tư vấn, điều trị nghiện ma túy cho người nghiện trong độ tuổi thanh niên.

III. TỔ CHỨC THỰC HIỆN
Các sở, ngành triển khai thực hiện nghiêm túc Kế hoạch này./.

Nơi nhận:
- Công an tỉnh;
- Lưu: VT.

TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Nguyễn Văn Thử
"""


def plan_count(app) -> int:
    with app.app_context():
        return db.session.scalar(db.select(db.func.count()).select_from(Plan))


def run(app, *args):
    return app.test_cli_runner().invoke(args=["import-plan", *map(str, args)])


def test_dry_run_json_of_plan_112_prints_the_contract(app):
    before = plan_count(app)
    result = run(app, SEEDS / "qn_112_kh_ubnd_2024.txt", "--dry-run", "--json")
    assert result.exit_code == 0, result.stderr
    parsed = json.loads(result.stdout)
    assert CONTRACT <= parsed.keys()
    assert parsed["number"] == "112" and parsed["symbol"] == "KH-UBND"
    assert parsed["issued_on"] == "2024-04-25" and parsed["place"] == "Quảng Ninh"
    assert len(parsed["assignments"]) == 14
    assert sum(len(a["tasks"]) for a in parsed["assignments"]) == 48
    assert all({"heading", "units", "requested", "tasks"} <= a.keys() for a in parsed["assignments"])
    assert all({"text", "subtasks"} <= t.keys() for a in parsed["assignments"] for t in a["tasks"])
    assert all("heading" in s for s in parsed["sections"])
    assert "Quảng Ninh" in result.stdout  # ensure_ascii=False: Vietnamese stays readable
    assert plan_count(app) == before


def test_dry_run_json_of_the_joint_plan(app):
    before = plan_count(app)
    result = run(app, SEEDS / "bt_kh_phoi_hop_2021.txt", "--dry-run", "--json")
    assert result.exit_code == 0, result.stderr
    parsed = json.loads(result.stdout)
    assert CONTRACT <= parsed.keys()
    assert parsed["number"] is None and len(parsed["signers"]) == 2
    assert parsed["issued_on"] == "2021-12-30" and parsed["assignments"]
    assert plan_count(app) == before


def test_dry_run_without_json_prints_a_summary(app):
    result = run(app, SEEDS / "qn_112_kh_ubnd_2024.txt", "--dry-run")
    assert result.exit_code == 0
    assert "Phân công: 14 mục, 48 nhiệm vụ" in result.stdout and "Chưa lưu gì" in result.stdout


def test_saving_a_plan_whose_bodies_all_match(app, tmp_path):
    path = tmp_path / "kh91.txt"
    path.write_text(PLAN, encoding="utf-8")
    before = plan_count(app)
    result = run(app, path)
    assert result.exit_code == 0, result.stderr
    assert "Đã lưu kế hoạch 91/KH-UBND" in result.stdout and "với 4 nhiệm vụ" in result.stdout
    assert plan_count(app) == before + 1
    with app.app_context():
        plan = db.session.scalar(db.select(Plan).where(Plan.number == "91"))
        assert plan.source_filename == "kh91.txt" and plan.source_text.startswith("ỦY BAN")
        clauses = db.session.scalars(db.select(Task.clause).where(Task.plan_id == plan.id)
                                     .order_by(Task.position)).all()
        assert clauses == ["II.1", "II.1", "II.2", "II.3"]


def test_saving_json_prints_the_new_plan(app, tmp_path):
    path = tmp_path / "kh91.txt"
    path.write_text(PLAN, encoding="utf-8")
    result = run(app, path, "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == {"id": json.loads(result.stdout)["id"],
                                         "reference": "91/KH-UBND", "tasks": 4,
                                         "units_created": []}


def test_saving_refuses_unmatched_bodies_with_suggestions(app, tmp_path):
    path = tmp_path / "kh92.txt"
    path.write_text(PLAN.replace("91/KH", "92/KH").replace("3. Sở Y tế", "3. Sở Kế hoạch và Đầu tư")
                    .replace("2. Sở GD&ĐT", "2. Ban Quản lý Khu kinh tế Vân Đồn"), encoding="utf-8")
    before = plan_count(app)
    result = run(app, path)
    assert result.exit_code == 1
    assert "Sở Kế hoạch và Đầu tư — gợi ý: Sở Tài chính" in result.stderr
    assert "Ban Quản lý Khu kinh tế Vân Đồn — không có gợi ý" in result.stderr
    assert plan_count(app) == before


def test_saving_a_plan_that_exists_is_refused(app):
    before = plan_count(app)
    result = run(app, SEEDS / "qn_112_kh_ubnd_2024.txt")
    assert result.exit_code == 1
    assert "112/KH-UBND đã có trong hệ thống" in result.stderr
    assert plan_count(app) == before


@pytest.mark.parametrize("name,content,message", [
    ("missing.txt", None, "Không tìm thấy tệp"),
    ("empty.txt", b"", "không có nội dung"),
    ("binary.txt", b"\x00\x01\x02\x03PNG", "nhị phân"),
    ("big.txt", b"a" * (5 * 1024 * 1024 + 1), "5 MB"),
    ("fake.docx", b"this is not a zip", ".docx"),
    ("plan.pdf", b"%PDF-1.7", "chỉ nhận tệp .txt hoặc .docx"),
])
@pytest.mark.parametrize("dry_run", [False, True])
def test_unreadable_input_exits_1_with_a_message(app, tmp_path, name, content, message, dry_run):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    before = plan_count(app)
    result = run(app, path, *(["--dry-run", "--json"] if dry_run else []))
    assert result.exit_code == 1
    assert message in result.stderr and result.stderr.startswith("Lỗi: ")
    assert result.stdout == ""
    assert plan_count(app) == before


def test_a_directory_is_not_a_plan_file(app, tmp_path):
    result = run(app, tmp_path)
    assert result.exit_code == 1 and "là thư mục, không phải tệp kế hoạch" in result.stderr
