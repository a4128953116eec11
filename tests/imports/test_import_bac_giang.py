"""A Bắc Giang plan of 2024 ("NHIỆM VỤ CỤ THỂ", "Đơn vị: nhiệm vụ" lines, pre-2025 bodies)."""


def test_header(bg):
    assert (bg["number"], bg["symbol"], bg["place"], bg["issued_on"]) == (
        "156", "KH-UBND", "Bắc Giang", "2024-03-12")
    assert bg["issuers"] == ["ỦY BAN NHÂN DÂN TỈNH BẮC GIANG"]
    assert bg["title"] == ("Thực hiện công tác phòng, chống ma túy trên địa bàn tỉnh Bắc Giang "
                           "năm 2024")
    assert [s["heading"] for s in bg["sections"]] == [
        "I. MỤC ĐÍCH, YÊU CẦU", "II. NHIỆM VỤ CỤ THỂ", "III. TỔ CHỨC THỰC HIỆN"]
    assert len(bg["legal_basis"]) == 2


def test_every_assignee_and_task(bg):
    got = [(a["number"], a["units"], a["requested"], len(a["tasks"])) for a in bg["assignments"]]
    assert got == [
        ("1", ["Công an tỉnh"], False, 1),
        ("2", ["Sở Lao động - Thương binh và Xã hội"], False, 1),
        ("3", ["Sở Kế hoạch và Đầu tư"], False, 1),
        ("4", ["Sở Giao thông vận tải"], False, 1),
        ("5", ["Sở Thông tin và Truyền thông"], False, 1),
        ("6", ["Sở Văn hóa, Thể thao và Du lịch"], False, 2),
        ("7", ["Sở GD&ĐT"], False, 1),
        ("8", ["Sở Y tế"], False, 1),
        ("9", ["Sở Tài chính"], False, 1),
        ("10", ["Ban Dân tộc tỉnh"], False, 1),
        ("11", ["Công an các huyện, thành phố"], False, 1),
        ("12", ["Ủy ban nhân dân các huyện, thành phố"], False, 1),
        ("13", ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "các tổ chức chính trị - xã hội tỉnh"],
         True, 1),
    ]
    # III. TỔ CHỨC THỰC HIỆN has numbered items, but none of them is an assignee.
    assert {a["section"] for a in bg["assignments"]} == {"II"}
    assert [a["collective"] for a in bg["assignments"]].count(True) == 2


def test_task_texts_are_whole(bg):
    tasks = {a["number"]: a["tasks"] for a in bg["assignments"]}
    assert tasks["1"][0]["text"].startswith("Chủ trì, phối hợp với các sở, ngành, địa phương")
    # A line hard-wrapped in mid-sentence, and a bullet broken by a blank line at a page break.
    assert tasks["2"][0]["text"] == (
        "Chủ trì tổ chức cai nghiện ma túy tự nguyện tại gia đình, cộng đồng; quản lý, hỗ trợ "
        "người sau cai nghiện ma túy tái hòa nhập cộng đồng (Hoàn thành trong tháng 10/2024).")
    assert tasks["6"][1]["text"].endswith("kiên quyết xử lý các cơ sở để xảy ra hoạt động mua "
                                          "bán, tổ chức sử dụng trái phép chất ma túy.")
    assert tasks["7"][0]["subtasks"] == [
        "Lồng ghép nội dung phòng, chống ma túy vào các môn học chính khóa.",
        "Tổ chức cuộc thi tìm hiểu pháp luật về phòng, chống ma túy cho học sinh trung học "
        "phổ thông."]


def test_deadlines(bg):
    found = [(d["clause"], d.get("due_on"), d.get("rule")) for d in bg["deadlines"]]
    assert found == [("II.1", "2024-12-05", None), ("II.2", "2024-10-31", None),
                     ("II.11", None, "quarterly"), ("III.1", "2024-03-27", None),
                     ("III.1", None, "yearly")]
    assert bg["deadlines"][-1] | {"month": 12, "day": 5} == bg["deadlines"][-1]


def test_tail(bg):
    assert bg["signers"] == [{"lines": ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
                              "rank": None, "name": "Mai Sơn"}]
    assert bg["recipients"][0] == "Bộ Công an (b/c)" and bg["recipients"][-1] == "Lưu: VT, NC"
