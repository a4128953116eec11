"""A plan of our own (Sở GD&ĐT Nghệ An) to show the parser is not fitted to the two seeds."""


def test_header_with_a_parent_body(na):
    assert (na["number"], na["symbol"]) == ("05", "KH-SGDĐT")
    assert na["issuers"] == ["SỞ GIÁO DỤC VÀ ĐÀO TẠO"]
    assert na["issuer_blocks"] == [
        {"parent": "UBND TỈNH NGHỆ AN", "lines": ["SỞ GIÁO DỤC VÀ ĐÀO TẠO"]}]
    assert (na["place"], na["issued_on"]) == ("Nghệ An", "2025-01-10")
    assert na["title"] == "Phòng, chống ma túy trong trường học năm 2025"
    assert na["period"] == {"start": 2025, "end": 2025}


def test_legal_basis_one_per_line_then_intro(na):
    assert na["legal_basis"] == [
        "Căn cứ Luật Phòng, chống ma túy ngày 30 tháng 3 năm 2021;",
        "Căn cứ Kế hoạch số 112/KH-UBND ngày 25/4/2024 của Ủy ban nhân dân tỉnh;"]
    assert na["intro"] == ["Sở Giáo dục và Đào tạo ban hành Kế hoạch phòng, chống ma túy trong "
                           "trường học năm 2025 như sau:"]


def test_targets(na):
    assert [t["milestones"] for t in na["targets"]] == [{"yearly": ">=95%"}, {"2025": "100%"}]


def test_assignees_of_a_nhiem_vu_cu_the_section(na):
    got = [(a["number"], a["units"], a["requested"], a["collective"], len(a["tasks"]))
           for a in na["assignments"]]
    assert got == [
        ("1", ["Sở Y tế"], False, False, 1),
        ("2", ["Công an tỉnh"], False, False, 1),
        ("3", ["Viện Kiểm sát nhân dân tỉnh", "Tòa án nhân dân tỉnh"], False, False, 2),
        ("4", ["Các sở, ban, ngành"], False, True, 1),
        ("5", ["Tỉnh đoàn"], False, False, 2),
        ("6", ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"], True, False, 1),
    ]
    assert all(a["section"] == "II" for a in na["assignments"])


def test_assignee_and_task_on_one_line(na):
    health = na["assignments"][0]
    assert health["heading"] == "Sở Y tế"
    task = health["tasks"][0]
    assert task["text"] == ("Chủ trì hướng dẫn các cơ sở giáo dục tổ chức khám sàng lọc cho học "
                            "sinh có nguy cơ cao (Hoàn thành trong tháng 6/2026).")
    assert task["deadline"] == {"text": "Hoàn thành trong tháng 6/2026", "due_on": "2026-06-30"}


def test_paragraph_and_lettered_tasks(na):
    police = na["assignments"][1]["tasks"][0]
    assert police["text"].startswith("Phối hợp tuyên truyền pháp luật về ma túy")
    assert police["deadline"]["due_on"] == "2025-06-15"
    youth = na["assignments"][4]["tasks"]
    assert youth[0]["text"].startswith("Tổ chức Tháng hành động")
    assert youth[0]["deadline"] == {"text": "vào tháng 6 hằng năm", "rule": "yearly", "month": 6}
    assert youth[1]["deadline"] == {"text": "tối thiểu 1 năm/lần", "rule": "yearly"}


def test_deadlines_of_tasks_and_general_provisions(na):
    assert [(d["clause"], d.get("due_on") or d["rule"]) for d in na["deadlines"]] == [
        ("II.1", "2026-06-30"), ("II.2", "2025-06-15"), ("II.3", "yearly"),
        ("II.3", "2025-03-31"), ("II.5", "yearly"), ("II.5", "yearly"),
        ("III.1", "2025-02-28"), ("III.2", "half_yearly")]
    assert na["deadlines"][2]["month"] == 11


def test_end_matter(na):
    assert na["signers"] == [{"lines": ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], "rank": None,
                              "name": "Trần Văn Minh"}]
    assert na["recipients"] == ["Như mục II", "UBND tỉnh (để b/c)", "Lưu: VT, CTTT"]


def test_odd_inputs_do_not_break_the_parser():
    from intranet.imports.parser import parse_plan

    for text in ["", " \n\n", "xin chào", "KẾ HOẠCH", "I.", "1.\n2.\n- \n+ x", "Nơi nhận:",
                 "| a | b |\n|---|---|"]:
        plan = parse_plan(text)
        assert plan["assignments"] == [] and plan["title"] is None
    draft = parse_plan("Số: /KH-UBND\nHà Nội, ngày ... tháng ... năm 2025\nKẾ HOẠCH\nABC\n"
                       "I. NHIỆM VỤ CỤ THỂ\n1. Sở Y tế:\n- Chủ trì.")
    assert (draft["number"], draft["symbol"], draft["place"], draft["issued_on"]) == (
        None, "KH-UBND", "Hà Nội", None)
    assert draft["title"] == "ABC"
    assert [(a["units"], len(a["tasks"])) for a in draft["assignments"]] == [(["Sở Y tế"], 1)]
