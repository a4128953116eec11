"""Seed 001: UBND tỉnh Quảng Ninh, Kế hoạch 112/KH-UBND (web copy, hard wraps, "|" cells)."""
import pytest

# number, heading, units, requested, collective, first words of every task
ASSIGNMENTS = [
    ("1", "Công an tỉnh", ["Công an tỉnh"], False, False, [
        "Chủ trì, phối hợp với Tỉnh", "Chủ động nắm, phân tích,", "Thường xuyên kiểm tra, giám sát",
        "Định kỳ phối hợp rà", "Tổ chức kiểm tra, sàng lọc,", "Rà soát, đề xuất cấp",
        "Chủ trì, phối hợp với các", "Phối hợp đào tạo, dạy", "Phối hợp với Tỉnh đoàn,",
        "Hằng năm, trên cơ sở"]),
    ("2", "Sở Giáo dục và Đào tạo", ["Sở Giáo dục và Đào tạo"], False, False, [
        "Triển khai bộ tài liệu", "Tổ chức thực hiện chương trình", "Tổ chức tập huấn, bồi",
        "Tổ chức kiểm tra, khảo", "Chỉ đạo các cơ sở", "Tổ chức triển khai Kế",
        "Phối hợp triển khai Chương"]),
    ("3", "Sở Lao động - Thương binh và Xã hội", ["Sở Lao động - Thương binh và Xã hội"], False,
     False, [
        "Hướng dẫn triển khai nâng cấp,", "Triển khai các giải pháp", "Nâng cao hiệu quả công",
        "Xây dựng các mô hình", "Nghiên cứu đề xuất chính", "Xây dựng đường dây nóng",
        "Tổ chức đào tạo, tập", "Triển khai các chương trình,"]),
    ("4", "Sở Y tế", ["Sở Y tế"], False, False, [
        "Rà soát, bảo đảm cơ", "Triển khai các giải pháp", "Tăng cường công tác thanh"]),
    ("5", "Sở Văn hóa, Thể thao; Sở Du lịch", ["Sở Văn hóa, Thể thao", "Sở Du lịch"], False,
     False, ["Triển khai lồng ghép công", "Tăng cường công tác quản"]),
    ("6", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh, Cục Hải quan tỉnh",
     ["Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "Cục Hải quan tỉnh"], False, False,
     ["Chủ động xây dựng kế hoạch"]),
    ("7", "Sở Công Thương", ["Sở Công Thương"], False, False, [
        "Chủ trì, phối hợp Công", "Phối hợp với Cục Quản"]),
    ("8", "Sở Tài chính", ["Sở Tài chính"], False, False, ["Trên cơ sở dự toán"]),
    ("9", "Sở Thông tin và Truyền thông", ["Sở Thông tin và Truyền thông"], False, False, [
        "Chỉ đạo các cơ quan", "Phối hợp chặt chẽ với"]),
    ("10", "Trung tâm truyền thông tỉnh", ["Trung tâm truyền thông tỉnh"], False, False, [
        "Tổ chức tuyên truyền, phổ"]),
    ("11", "Đề nghị Viện Kiểm sát nhân dân tỉnh và Tòa án nhân dân tỉnh",
     ["Viện Kiểm sát nhân dân tỉnh", "Tòa án nhân dân tỉnh"], True, False, [
        "Nâng cao chất lượng xem", "Tăng cường công tác đào"]),
    ("12", "Đề nghị Ủy ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội tỉnh",
     ["Ủy ban Mặt trận Tổ quốc", "các tổ chức chính trị - xã hội tỉnh"], True, False, [
        "Chỉ đạo tăng cường công"]),
    ("13", "Tỉnh Đoàn", ["Tỉnh Đoàn"], False, False, [
        "Xây dựng chương trình, kế", "Cụ thể hóa các nội", "Huy động nguồn lực, phát",
        "Triển khai các dự án"]),
    ("14", "Ủy ban nhân dân các huyện, thị xã, thành phố",
     ["Ủy ban nhân dân các huyện, thị xã, thành phố"], False, True, [
        "Xây dựng kế hoạch triển", "Tham mưu ban hành các", "Lồng ghép nội dung công",
        "Quan tâm bố trí kinh"]),
]


def test_header(qn):
    assert (qn["number"], qn["symbol"]) == ("112", "KH-UBND")
    assert qn["issuers"] == ["ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH"]
    assert qn["issuer_blocks"] == [
        {"parent": None, "lines": ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NINH"]}]
    assert qn["issuer_source"] == "header"
    assert (qn["place"], qn["issued_on"]) == ("Quảng Ninh", "2024-04-25")
    assert qn["doc_type"] == "KẾ HOẠCH"
    assert qn["title"] == ("TRIỂN KHAI CHƯƠNG TRÌNH PHÒNG, CHỐNG MA TÚY TRONG THANH, THIẾU NIÊN "
                           "ĐẾN NĂM 2030 TRÊN ĐỊA BÀN TỈNH QUẢNG NINH")
    assert qn["period"] == {"start": 2024, "end": 2030}


def test_legal_basis_is_one_joined_paragraph(qn):
    assert len(qn["legal_basis"]) == 1
    basis = qn["legal_basis"][0]
    assert basis.startswith("Thực hiện Chương trình phòng, chống ma túy trong thanh, thiếu niên")
    assert "Quyết định số 140/QĐ-TTg ngày 02/02/2024" in basis
    assert basis.endswith("trên địa bàn tỉnh, cụ thể như sau:")
    assert qn["intro"] == [] and qn["closing"] == []


def test_sections(qn):
    assert [s["heading"] for s in qn["sections"]] == [
        "I. MỤC ĐÍCH, YÊU CẦU", "II. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU", "III. PHÂN CÔNG NHIỆM VỤ",
        "IV. KINH PHÍ THỰC HIỆN", "V. TỔ CHỨC THỰC HIỆN"]
    first = qn["sections"][0]["blocks"]
    assert first[0] == {"type": "heading", "number": "1", "text": "Mục đích"}
    assert first[2] == {"type": "heading", "number": "2", "text": "Yêu cầu"}
    assert first[6] == {"type": "heading", "number": "3", "text": "Chỉ tiêu cụ thể"}
    solutions = [b for b in qn["sections"][1]["blocks"] if b["type"] == "heading"]
    assert [b["number"] for b in solutions] == ["1", "2", "3", "4", "5"]
    assert solutions[0]["text"] == ("Tăng cường công tác lãnh đạo, chỉ đạo; nâng cao hiệu lực, "
                                    "hiệu quả quản lý nhà nước về phòng, chống ma túy trong thanh, "
                                    "thiếu niên")
    provisions = qn["sections"][4]["blocks"]
    assert [(b["type"], b["number"]) for b in provisions] == [("numbered", n) for n in "123"]


def test_wraps_are_joined_inside_words_and_codes(qn):
    bullets = [b["text"] for b in qn["sections"][1]["blocks"] if b["type"] == "bullet"]
    assert any("giai đoạn 2021 - 2025; Chỉ thị số 32-CT/TU" in t for t in bullets)
    assert any("khoa học - công nghệ, nhất là Internet" in t for t in bullets)
    assert not any(t.startswith("-") or "  " in t for t in bullets)


@pytest.mark.parametrize("index", range(len(ASSIGNMENTS)))
def test_assignment(qn, index):
    number, heading, units, requested, collective, tasks = ASSIGNMENTS[index]
    got = qn["assignments"][index]
    assert (got["number"], got["section"], got["heading"]) == (number, "III", heading)
    assert got["units"] == units
    assert (got["requested"], got["collective"]) == (requested, collective)
    assert len(got["tasks"]) == len(tasks)
    for task, start in zip(got["tasks"], tasks):
        assert task["text"].startswith(start), task["text"][:60]
        assert task["clause"] == f"III.{number}"


def test_fourteen_assignees_and_forty_eight_tasks(qn):
    assert len(qn["assignments"]) == 14
    assert sum(len(a["tasks"]) for a in qn["assignments"]) == 48


def test_implementation_items_are_not_assignees(qn):
    headings = [a["heading"] for a in qn["assignments"]]
    assert not any(h.startswith(("Các sở, ban, ngành", "Giao Công an")) for h in headings)
    assert all(a["section"] == "III" for a in qn["assignments"])
    assert qn["activities"] == []


def test_tinh_doan_subtasks(qn):
    last = qn["assignments"][12]["tasks"][3]
    assert last["text"] == "Triển khai các dự án của Trung ương Đoàn:"
    assert last["subtasks"] == [
        "Dự án 1: “Tăng cường công tác truyền thông về phòng, chống ma túy trong thanh, thiếu "
        "niên”.",
        "Dự án 2: “Triển khai các Đội Thanh niên xung kích tham gia phòng, chống ma túy tại địa "
        "bàn cơ sở”."]
    others = [t for a in qn["assignments"] for t in a["tasks"] if t is not last]
    assert all(t["subtasks"] == [] for t in others)


def test_paragraph_only_assignees(qn):
    border = qn["assignments"][5]["tasks"][0]["text"]
    assert border.startswith("Chủ động xây dựng kế hoạch và phối hợp với lực lượng Công an")
    assert border.endswith("theo chức năng, nhiệm vụ được giao.")
    finance = qn["assignments"][7]["tasks"][0]["text"]
    assert finance.startswith("Trên cơ sở dự toán do Công an tỉnh tổng hợp báo cáo")


def test_targets_and_milestones(qn):
    targets = qn["targets"]
    assert len(targets) == 4
    assert all(t["clause"] == "I.3" for t in targets)
    assert targets[0]["text"].startswith("Đến năm 2025, trên 80% và năm 2030, trên 90% thanh,")
    assert targets[0]["milestones"] == {"2025": ">80%", "2030": ">90%"}
    assert targets[1]["milestones"] == {}
    assert targets[2]["milestones"] == {"yearly": ">=1"}
    assert targets[3]["milestones"] == {"yearly": ">=90%", "2025": ">80%", "2030": "100%"}


def test_plan_deadlines(qn):
    by_text = {d["text"]: d for d in qn["deadlines"]}
    assert by_text["chậm nhất sau 10 ngày kể từ ngày Kế hoạch được ban hành"] == {
        "text": "chậm nhất sau 10 ngày kể từ ngày Kế hoạch được ban hành",
        "due_on": "2024-05-05", "clause": "V.1"}
    assert by_text["Định kỳ hằng năm (trước ngày 05/12)"] == {
        "text": "Định kỳ hằng năm (trước ngày 05/12)", "rule": "yearly", "month": 12, "day": 5,
        "clause": "V.1"}
    assert by_text["sơ kết việc thực hiện Chương trình vào năm 2026"]["year"] == 2026
    assert by_text["sơ kết việc thực hiện Chương trình vào năm 2026"]["rule"] == "midterm"
    assert by_text["tổng kết vào năm 2030"] == {
        "text": "tổng kết vào năm 2030", "rule": "final", "year": 2030, "clause": "III.1"}


def test_task_deadlines(qn):
    police = qn["assignments"][0]["tasks"]
    assert [d.get("rule") for d in police[8]["deadlines"]] == ["yearly", "midterm", "final"]
    assert police[8]["deadline"] == police[8]["deadlines"][0]
    assert police[0]["deadline"] is None and police[0]["deadlines"] == []


def test_signature_recipients_and_drafter_mark(qn):
    assert qn["signers"] == [{"lines": ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
                              "rank": None, "name": "Nguyễn Thị Hạnh"}]
    assert qn["recipients"] == [
        "Văn phòng Chính phủ", "Bộ Công an", "TT. Tỉnh ủy, TT. HĐND tỉnh",
        "CT, các PCT UBND tỉnh", "UB MTTQ và các tổ chức CT-XH tỉnh", "Các sở, ban, ngành",
        "UBND các huyện, thị xã, thành phố", "V0-V3", "Các CVNCTH, Phòng HC-TC-QT-TV",
        "Lưu: VT, NC1"]
    assert qn["drafter_mark"] == "CA-KH12"
