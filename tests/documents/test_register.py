"""The outgoing register: database-enforced numbers, concurrent signers, the 1 January restart."""
from __future__ import annotations

import threading
from datetime import datetime

import pytest
from sqlalchemy import insert
from sqlalchemy.exc import IntegrityError

from intranet.auth.models import User
from intranet.documents import certificates, register, services
from intranet.documents.models import OutgoingDocument, RegisterCounter
from intranet.extensions import db
from intranet.plans.models import Plan
from intranet.units.models import OrgUnit
from workflows import WorkflowError


def user(username: str) -> User:
    return db.session.scalar(db.select(User).where(User.username == username))


def unit(code: str) -> OrgUnit:
    return db.session.scalar(db.select(OrgUnit).where(OrgUnit.code == code))


def small_plan(title: str, unit_code: str = "cat") -> Plan:
    """An unnumbered one-page plan of one body, quick to render."""
    body = unit(unit_code)
    plan = Plan(title=title, doc_type="KẾ HOẠCH", place="Quảng Ninh", symbol=f"KH-{body.code.upper()}",
                issuers=[{"name": body.name.upper(), "parent": None, "lines": [body.name.upper()],
                          "unit_id": body.id}],
                sections=[{"heading": "I. MỤC ĐÍCH", "number": "I", "title": "MỤC ĐÍCH",
                           "blocks": [{"type": "paragraph", "text": "Tuyên truyền phòng, chống ma túy."}]}],
                signers=[{"lines": ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], "name": "Nguyễn Văn Lãnh"}],
                recipients=["Sở Giáo dục và Đào tạo", "Lưu: VT, PC04"])
    db.session.add(plan)
    db.session.flush()
    return plan


def reviewed_document(plan: Plan) -> OutgoingDocument:
    doc = services.ensure_plan_document(plan, user("ca.thuongtruc"))
    services.fire_transition(doc, "review", user("ca.thuongtruc"))
    return doc


def test_a_duplicate_number_is_refused_by_the_database(app):
    with app.app_context():
        row = dict(kind="plan", issuing_unit_id=unit("cat").id, doc_type="KẾ HOẠCH", symbol="KH-CAT",
                   title="x", state="signed", version=1, year=2026, number=5, number_text="05/KH-CAT",
                   paper_number=False, recipients=[], created_at=datetime(2026, 1, 5))
        db.session.execute(insert(OutgoingDocument).values(source_id=901, **row))
        with pytest.raises(IntegrityError):
            db.session.execute(insert(OutgoingDocument).values(source_id=902, **row))
        db.session.rollback()
        # Another body, or another year, may use the same number.
        db.session.execute(insert(OutgoingDocument).values(source_id=903, **row))
        db.session.execute(insert(OutgoingDocument).values(
            source_id=904, **{**row, "issuing_unit_id": unit("ubnd").id}))
        db.session.execute(insert(OutgoingDocument).values(source_id=905, **{**row, "year": 2027}))
        db.session.commit()


def test_two_signers_at_the_same_moment_get_consecutive_numbers(app):
    with app.app_context():
        ids = [reviewed_document(small_plan(f"Kế hoạch thử {i}")).id for i in (1, 2)]
        db.session.commit()
    start = threading.Barrier(2, timeout=30)
    numbers, errors = {}, []

    def sign(doc_id):
        with app.app_context():
            try:
                doc = db.session.get(OutgoingDocument, doc_id)
                signer = user("ca.lanhdao")
                start.wait()
                services.sign_document(doc, signer)
                db.session.commit()
                numbers[doc_id] = doc.number_text
            except Exception as exc:  # reported below, with the thread's traceback lost
                errors.append(repr(exc))
                db.session.rollback()
            finally:
                db.session.remove()

    threads = [threading.Thread(target=sign, args=(doc_id,)) for doc_id in ids]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []
    assert sorted(numbers.values()) == ["01/KH-CAT", "02/KH-CAT"]
    with app.app_context():
        year = db.session.get(OutgoingDocument, ids[0]).year
        counter = db.session.get(RegisterCounter, (unit("cat").id, year))
        assert counter.last_number == 2


def test_numbers_restart_at_01_on_1_january_vietnam_time(app):
    with app.app_context():
        signer = user("ca.lanhdao")
        moments = [datetime(2025, 12, 30, 3), datetime(2025, 12, 31, 9),
                   # 18:00 UTC on 31 December is already 1 January in Hà Nội.
                   datetime(2025, 12, 31, 18), datetime(2026, 1, 2, 3)]
        signed = []
        for i, moment in enumerate(moments):
            doc = reviewed_document(small_plan(f"Kế hoạch {i}"))
            services.sign_document(doc, signer, now=moment)
            signed.append((doc.year, doc.number_text, doc.issued_on.isoformat()))
        db.session.commit()
        assert signed == [(2025, "01/KH-CAT", "2025-12-30"), (2025, "02/KH-CAT", "2025-12-31"),
                          (2026, "01/KH-CAT", "2026-01-01"), (2026, "02/KH-CAT", "2026-01-02")]


def test_each_body_has_its_own_series(app):
    with app.app_context():
        cat, ubnd = unit("cat").id, unit("ubnd").id
        assert [register.next_number(cat, 2026) for _ in range(3)] == [1, 2, 3]
        assert register.next_number(ubnd, 2026) == 1
        assert register.next_number(cat, 2027) == 1
        db.session.rollback()
        assert register.next_number(cat, 2026) == 1  # a rolled-back signature gives its number back


def test_a_plan_numbered_on_paper_keeps_its_number_and_date(app):
    with app.app_context():
        ubnd_signer = User(username="ubnd.lanhdao", full_name="Nguyễn Thị Hạnh", post="Phó Chủ tịch UBND tỉnh",
                           unit_id=unit("ubnd").id, password_hash="x")
        ubnd_signer.set_roles({"signer"})
        db.session.add(ubnd_signer)
        db.session.flush()
        certificates.issue_demo_certificate(ubnd_signer)
        plan = db.session.scalar(db.select(Plan).where(Plan.number == "112"))
        doc = reviewed_document(plan)
        services.sign_document(doc, ubnd_signer)
        db.session.commit()
        assert (doc.number_text, doc.year, doc.issued_on.isoformat()) == ("112/KH-UBND", 2024, "2024-04-25")
        assert doc.paper_number and "bản giấy" in doc.note
        # The paper series went up to 112: the next number of 2024 is 113, never 112 again.
        assert register.next_number(unit("ubnd").id, 2024) == 113
        db.session.rollback()


def test_a_signed_document_is_never_signed_again(app):
    with app.app_context():
        doc = reviewed_document(small_plan("Kế hoạch ký một lần"))
        services.sign_document(doc, user("ca.lanhdao"))
        db.session.commit()
        sha = doc.sha256
        with pytest.raises(WorkflowError):
            services.sign_document(doc, user("ca.lanhdao"))
        db.session.rollback()
        assert db.session.get(OutgoingDocument, doc.id).sha256 == sha


def test_register_rows_have_the_ten_columns_of_phu_luc_iv(app):
    with app.app_context():
        doc = reviewed_document(small_plan("tuyên truyền phòng, chống ma túy năm 2026"))
        services.sign_document(doc, user("ca.lanhdao"), now=datetime(2026, 3, 2, 2))
        db.session.commit()
        rows = register.register_rows(2026, unit("cat").id)
        assert len(register.COLUMNS) == 10 and len(rows) == 1
        cells = rows[0].cells
        assert len(cells) == 10
        assert cells[:4] == ["01/KH-CAT", "02/03/2026", "Kế hoạch tuyên truyền phòng, chống ma túy năm 2026", "Nguyễn Văn Lãnh"]
        assert cells[4] == "Sở Giáo dục và Đào tạo" and cells[5] == "Lưu: VT, PC04" and cells[6] == "2"
