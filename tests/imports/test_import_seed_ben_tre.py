"""Seed 000: joint plan of Tỉnh đoàn and Công an tỉnh Bến Tre (OCR, no issuer lines, no number)."""

ACTIVITIES = [
    ("1", "Nâng cao chất lượng, hiệu quả tuyên truyền, giáo dục về tác hại của ma túy, cách nhận "
          "biết ma túy và công tác phòng, chống ma túy trong thanh thiếu niên", [
        "Tổ chức biên soạn, phát hành", "Tuyên truyền mạnh mẽ, sâu rộng", "Phối hợp tổ chức các",
        "Thực hiện các cụm pano", "Tổ thiểu 1 năm/lần", "Tổ chức các hoạt động cao điểm",
        "Tuyên truyền, giới thiệu các", "Mở rộng tuyên truyền trên"]),
    ("2", "Triển khai nhân rộng các mô hình sáng tạo, hiệu quả, điển hình về phòng, chống ma túy "
          "trong thanh thiếu niên", [
        "Phối hợp kiểm tra, rà soát", "Phối hợp với các cơ quan", "Tiếp tục nhân rộng",
        "Đẩy mạnh hoạt động “3 cùng”", "Phối hợp thực hiện có hiệu quả",
        "Phối hợp xây dựng không gian", "Phát huy vai trò xung kích"]),
    ("3", "Phối hợp cảm hóa, giúp đỡ, giáo dục thanh thiếu niên sau cai nghiện tái hòa nhập cộng "
          "đồng", [
        "Xây dựng cơ sở dữ liệu", "Phối hợp với các cơ quan", "Đoàn thanh niên các xã",
        "Phối hợp với Trại tạm giam", "Có biện pháp phối hợp", "Phối hợp tạo điều kiện",
        "Tổ chức các hoạt động gặp mặt"]),
]
ASSIGNMENTS = [
    ("1", "Công an tỉnh", False, ["Chỉ đạo Công an các huyện", "Phối hợp dự trù, tham mưu"]),
    ("2", "Ban Thường vụ Tỉnh đoàn", False, [
        "Xây dựng Kế hoạch và triển khai", "Dự trù kinh phí", "Giao Ban Phong trào Tỉnh đoàn"]),
    ("3", "Ban Thường vụ các Huyện, Thành đoàn, Đoàn khối Cơ quan – Doanh nghiệp tỉnh, Đoàn "
          "tương đương, Đoàn trường học trực thuộc", True, [
        "Căn cứ Kế hoạch của Ban", "Chọn và xây dựng mô hình", "Tham gia tổ chức tốt"]),
]


def test_header_without_issuer_lines_or_number(bt):
    assert bt["number"] is None and bt["symbol"] is None
    assert (bt["place"], bt["issued_on"]) == ("Bến Tre", "2021-12-30")  # "**30**" cleaned
    assert bt["doc_type"] == "KẾ HOẠCH PHỐI HỢP"
    assert bt["title"] == ("Hành động phòng, chống ma túy trong thanh thiếu niên giai đoạn "
                           "2021 - 2025 trên địa bàn tỉnh Bến Tre")
    assert bt["period"] == {"start": 2021, "end": 2025}


def test_issuers_come_from_the_two_signature_blocks(bt):
    assert bt["issuers"] == ["CÔNG AN TỈNH BẾN TRE", "BAN CHẤP HÀNH TỈNH ĐOÀN BẾN TRE"]
    assert bt["issuer_source"] == "signatures"
    assert bt["issuer_blocks"] == [{"parent": None, "lines": ["CÔNG AN TỈNH BẾN TRE"]},
                                   {"parent": None, "lines": ["BAN CHẤP HÀNH TỈNH ĐOÀN BẾN TRE"]}]


def test_legal_basis_and_closing(bt):
    assert len(bt["legal_basis"]) == 1
    assert bt["legal_basis"][0].startswith("Căn cứ Kế hoạch số 7073/KH-UBND ngày 27/10/2021")
    assert "về việc “triển khai thực hiện chương trình" in bt["legal_basis"][0]  # *…* dropped
    assert bt["closing"] == [
        "Trên đây là Kế hoạch phối hợp hành động phòng, chống ma túy trong thanh thiếu niên giai "
        "đoạn 2021 - 2025 trên địa bàn tỉnh Bến Tre. Ban Thường vụ Tỉnh đoàn, Ban Giám đốc Công an "
        "tỉnh đề nghị các đơn vị nghiêm túc triển khai thực hiện đạt kết quả."]


def test_sections(bt):
    assert [s["heading"] for s in bt["sections"]] == [
        "I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG", "III. TỔ CHỨC THỰC HIỆN"]
    first = bt["sections"][0]["blocks"]
    assert [b["type"] for b in first] == ["bullet"] * 3
    assert first[0]["text"].startswith("Dâystrong mạnht thực hiện Chỉ thị số 36-CT/TW")  # OCR kept


def test_activities(bt):
    assert [len(a["tasks"]) for a in bt["activities"]] == [8, 7, 7]
    for (number, heading, starts), got in zip(ACTIVITIES, bt["activities"]):
        assert (got["number"], got["section"], got["heading"]) == (number, "II", heading)
        for task, start in zip(got["tasks"], starts):
            assert task["text"].startswith(start), task["text"][:60]
            assert task["clause"] == f"II.{number}"


def test_page_break_blank_lines_are_joined(bt):
    aim = bt["activities"][2]["tasks"][2]["text"]
    assert "thanh niên chậm tiến, thanh niên hư thành công dân tốt, có việc làm ổn định" in aim
    standing = bt["assignments"][1]["tasks"][2]["text"]
    assert "nhắc nhở thực hiện Kế hoạch này. Các Ban chuyên môn của Tỉnh đoàn" in standing


def test_assignments(bt):
    assert len(bt["assignments"]) == 3
    for (number, heading, collective, starts), got in zip(ASSIGNMENTS, bt["assignments"]):
        assert (got["number"], got["section"], got["heading"]) == (number, "III", heading)
        assert got["units"] == [heading]
        assert (got["requested"], got["collective"]) == (False, collective)
        assert [t["text"][:len(s)] for t, s in zip(got["tasks"], starts)] == starts
        assert len(got["tasks"]) == len(starts)


def test_target_found_in_the_text(bt):
    assert bt["targets"] == [{
        "text": "phấn đấu trong 5 năm, giúp đỡ, cảm hóa ít nhất 2 thanh thiếu niên cai nghiện ma "
                "túy thành công và giúp đỡ 3 thanh niên chậm tiến, thanh niên hư thành công dân "
                "tốt, có việc làm ổn định, tích cực tham gia các phong trào đoàn, hoạt động xã hội "
                "tại cộng đồng",
        "milestones": {"2025": ">=2"}, "clause": "II.3"}]


def test_deadlines(bt):
    training = bt["activities"][0]["tasks"][4]
    assert training["deadline"] == {"text": "1 năm/lần", "rule": "yearly"}
    assert bt["deadlines"] == [{"text": "1 năm/lần", "rule": "yearly", "clause": "II.1"}]


def test_two_signers_kept_as_found(bt):
    assert bt["signers"] == [
        {"lines": ["KT. GIÁM ĐỐC"], "rank": "Đại tá", "name": "Võ Công Bình"},
        {"lines": ["TM. BAN THƯỜNG VỤ TỈNH ĐOÀN", "PHÓ BÍ THƯ"], "rank": None,
         "name": "Phan Thanh Tré"}]  # OCR's Greek "έ" read back as "é"


def test_recipients(bt):
    assert bt["recipients"] == [
        "Bộ Công an", "VP 1,2 TW Đoàn, Hội", "BDV Tỉnh ủy", "BTV Tỉnh đoàn", "Công an tỉnh",
        "Công an các huyện, thành phố", "BTV các Huyện, Thành đoàn", "Đoàn khối, Đoàn tương đương",
        "Đoàn trường học trực thuộc", "Các Phòng, Ban Tỉnh đoàn", "Lưu VT"]
    assert bt["drafter_mark"] is None
