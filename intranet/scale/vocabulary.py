"""Words of generated data: provinces, units, people, task texts, plan sections, posts."""
from __future__ import annotations

from datetime import date

PROVINCES = [
    "Hà Nội", "Huế", "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Quảng Ninh", "Thanh Hóa",
    "Nghệ An", "Hà Tĩnh", "Cao Bằng", "Tuyên Quang", "Lào Cai", "Thái Nguyên", "Phú Thọ",
    "Bắc Ninh", "Hưng Yên", "Hải Phòng", "Ninh Bình", "Quảng Trị", "Đà Nẵng", "Quảng Ngãi",
    "Gia Lai", "Khánh Hòa", "Lâm Đồng", "Đắk Lắk", "Hồ Chí Minh", "Đồng Nai", "Tây Ninh",
    "Cần Thơ", "Vĩnh Long", "Đồng Tháp", "Cà Mau", "An Giang"]
CITIES = {"Hà Nội", "Huế", "Hải Phòng", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ"}

# kind, name, short name, external, weight as lead unit; in the order small provinces keep them.
CORE_UNITS = [
    ("standing_agency", "Công an tỉnh", "CA tỉnh", False, 8),
    ("people_committee", "Ủy ban nhân dân tỉnh", "UBND tỉnh", False, 1),
    ("department", "Sở Giáo dục và Đào tạo", "Sở GD&ĐT", False, 5),
    ("mass_organisation", "Tỉnh đoàn", "Tỉnh đoàn", False, 4),
    ("department", "Sở Y tế", "Sở Y tế", False, 3),
    ("department", "Sở Nội vụ", "Sở Nội vụ", False, 3),
    ("judicial", "Viện Kiểm sát nhân dân tỉnh", "VKSND tỉnh", True, 0),
    ("department", "Sở Văn hóa, Thể thao và Du lịch", "Sở VHTTDL", False, 3),
    ("department", "Sở Tài chính", "Sở Tài chính", False, 2),
    ("department", "Sở Công Thương", "Sở Công Thương", False, 2),
    ("department", "Sở Khoa học và Công nghệ", "Sở KH&CN", False, 2),
    ("agency", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "BĐBP tỉnh", False, 2),
    ("department", "Sở Tư pháp", "Sở Tư pháp", False, 2),
    ("mass_organisation", "Hội Liên hiệp Phụ nữ tỉnh", "Hội LHPN tỉnh", False, 2),
    ("mass_organisation", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "UB MTTQ tỉnh", True, 0),
    ("judicial", "Tòa án nhân dân tỉnh", "TAND tỉnh", True, 0),
    ("department", "Sở Nông nghiệp và Môi trường", "Sở NN&MT", False, 1),
    ("department", "Sở Xây dựng", "Sở Xây dựng", False, 1),
    ("agency", "Bộ Chỉ huy Quân sự tỉnh", "BCH Quân sự tỉnh", False, 1),
    ("agency", "Báo và Phát thanh, Truyền hình tỉnh", "Báo và PTTH tỉnh", False, 2),
    ("department", "Sở Dân tộc và Tôn giáo", "Sở DT&TG", False, 1),
    ("department", "Sở Ngoại vụ", "Sở Ngoại vụ", False, 1),
    ("department", "Thanh tra tỉnh", "Thanh tra tỉnh", False, 1),
    ("department", "Văn phòng Ủy ban nhân dân tỉnh", "VP UBND tỉnh", False, 1),
]
PLACES = [
    "Tân Lập", "Quang Trung", "Hồng Phong", "Đông Hải", "Bình Minh", "Hòa Bình", "Thống Nhất",
    "Tiên Yên", "Hải Hà", "Vân Đồn", "Cẩm Phả", "Hạ Long", "Bãi Cháy", "Hồng Gai", "Hà Tu",
    "Đông Triều", "Mạo Khê", "Quảng Yên", "Uông Bí", "Vàng Danh", "Móng Cái", "Trà Cổ",
    "Đầm Hà", "Ba Chẽ", "Bình Liêu", "Hoành Bồ", "Cô Tô", "Quảng Hà", "Đường Hoa", "Lục Hồn",
    "Hoàng Quế", "An Sinh", "Yên Tử", "Phong Cốc", "Liên Hòa", "Hiệp Hòa", "Minh Thành",
    "Kim Sơn", "Hà An", "Nam Hòa", "Cửa Ông", "Mông Dương", "Quang Hanh", "Hải Lạng",
    "Đông Ngũ", "Đồng Rui", "Húc Động", "Vô Ngại", "Quảng Tân", "Thanh Lân", "Cái Rồng",
    "Quan Lạn", "Minh Châu", "Thắng Lợi", "Vạn Ninh", "Hải Sơn", "Hải Đông", "Ninh Dương"]
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi",
          "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trịnh"]
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thu", "Ngọc", "Quang", "Thanh", "Xuân", "Kim", "Thúy"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hoa", "Hùng",
         "Hương", "Khánh", "Lan", "Linh", "Long", "Mai", "Minh", "Nam", "Nga", "Phong", "Phương",
         "Quân", "Sơn", "Tâm", "Thảo", "Thành", "Trang", "Trung", "Tuấn", "Vân", "Yến"]

# Task texts are built from the phrases of the two seed plans.
VERBS = ["Triển khai", "Tổ chức", "Tăng cường", "Xây dựng", "Nâng cao hiệu quả", "Rà soát, đánh giá",
         "Chỉ đạo", "Đẩy mạnh", "Phối hợp triển khai", "Tham mưu"]
OBJECTS = [
    "bộ tài liệu tuyên truyền, giáo dục pháp luật và kỹ năng phòng, chống ma túy cho học sinh, học viên",
    "công tác tuyên truyền về hậu quả, tác hại của ma túy tổng hợp, ma túy “núp bóng” thực phẩm, thuốc lá điện tử",
    "tập huấn, bồi dưỡng kỹ năng phòng, chống ma túy cho cán bộ, giáo viên, giảng viên",
    "mô hình “Trường học không ma túy” và mô hình tiếp nhận thông tin tố giác về tệ nạn ma túy",
    "các giải pháp phát hiện sớm, can thiệp sớm đối với thanh, thiếu niên sử dụng trái phép chất ma túy",
    "công tác cai nghiện ma túy tự nguyện tại gia đình, cộng đồng cho thanh, thiếu niên",
    "mô hình tư vấn, hỗ trợ, giới thiệu việc làm cho thanh, thiếu niên sau cai nghiện ma túy",
    "kiểm tra, thanh tra các hoạt động, dịch vụ văn hóa, thể thao, du lịch có nguy cơ phát sinh tệ nạn ma túy",
    "Tháng hành động phòng, chống ma túy và Ngày Quốc tế phòng, chống ma túy 26/6",
    "các Đội Thanh niên xung kích tham gia phòng, chống ma túy tại địa bàn cơ sở",
    "công tác quản lý học sinh, học viên; chủ động rà soát học sinh liên quan đến tệ nạn ma túy",
    "kiểm soát thông tin xấu độc, lôi kéo thanh, thiếu niên tham gia tội phạm ma túy trên không gian mạng",
    "dự toán kinh phí thực hiện Chương trình gửi Công an tỉnh tổng hợp",
    "phiên tòa giả định, phiên tòa rút kinh nghiệm về tội phạm ma túy liên quan đến thanh, thiếu niên",
    "rà soát cơ sở y tế đủ điều kiện xác định tình trạng nghiện ma túy tại trạm y tế cấp xã",
    "chương trình giáo dục phổ thông, học văn hóa, học nghề cho thanh, thiếu niên tại cơ sở cai nghiện",
    "đường dây nóng tư vấn về cai nghiện ma túy cho thanh, thiếu niên và gia đình",
    "các phong trào thanh niên hưởng ứng, tham gia phòng, chống ma túy",
    "phổ biến kiến thức về tác hại của ma túy trên truyền hình, phát thanh, báo điện tử và mạng xã hội",
    "quản lý chặt chẽ số thanh, thiếu niên sử dụng trái phép chất ma túy, nghiện ma túy",
]
PLACES_OF = ["trên địa bàn tỉnh", "tại các cơ sở giáo dục", "tại các xã, phường trọng điểm, phức tạp về ma túy",
             "trong thanh, thiếu niên", "ở khu vực biên giới, cửa khẩu và trên biển", "tại cộng đồng dân cư"]
SUBTASKS = ["Dự án 1: “Tăng cường công tác truyền thông về phòng, chống ma túy trong thanh, thiếu niên”.",
            "Dự án 2: “Triển khai các Đội Thanh niên xung kích tham gia phòng, chống ma túy tại địa bàn cơ sở”.",
            "Tổ chức ít nhất 01 lớp tập huấn mỗi năm.", "Báo cáo kết quả về Công an tỉnh trước ngày 05/12."]
PLAN_TITLES = [
    "Triển khai Chương trình phòng, chống ma túy trong thanh, thiếu niên đến năm 2030 trên địa bàn {p}",
    "Phòng, chống ma túy trong thanh, thiếu niên năm {y}",
    "Tổ chức Tháng hành động phòng, chống ma túy và Ngày Quốc tế phòng, chống ma túy 26/6 năm {y}",
    "Phối hợp tuyên truyền, giáo dục pháp luật về phòng, chống ma túy trong các cơ sở giáo dục giai đoạn {y} - {z}",
    "Xây dựng xã, phường, thị trấn sạch ma túy trên địa bàn {p} năm {y}",
    "Thực hiện công tác quản lý người sử dụng trái phép chất ma túy là thanh, thiếu niên năm {y}",
    "Triển khai các Đội Thanh niên xung kích tham gia phòng, chống ma túy tại địa bàn cơ sở năm {y}",
    "Kiểm tra, giám sát công tác phòng, chống ma túy trong thanh, thiếu niên năm {y}",
    "Hỗ trợ thanh, thiếu niên sau cai nghiện ma túy tái hòa nhập cộng đồng giai đoạn {y} - {z}",
    "Tuyên truyền phòng, chống ma túy trên không gian mạng cho thanh, thiếu niên năm {y}",
]
TARGETS = [
    ("Thanh, thiếu niên sử dụng trái phép chất ma túy, nghiện ma túy có hồ sơ quản lý được tư vấn, "
     "khám sàng lọc, điều trị, cai nghiện ma túy thích hợp", {"2025": ">80%", "2030": ">90%"}),
    ("Cơ sở giáo dục bậc trung học cơ sở trở lên tổ chức tuyên truyền, giáo dục, phổ biến kiến thức "
     "về phòng, chống ma túy", {"yearly": "≥90%"}),
    ("Tổ chức Đoàn xã, phường có tệ nạn ma túy giúp đỡ, cảm hóa thanh, thiếu niên sau cai nghiện "
     "tái hòa nhập cộng đồng", {"yearly": "≥02 người/xã"}),
    ("Số vụ phạm tội về ma túy liên quan đến thanh, thiếu niên được giải quyết, xét xử theo quy định",
     {"2025": ">90%", "2030": ">95%"}),
    ("Cán bộ, giáo viên, giảng viên được tập huấn kiến thức, kỹ năng phòng, chống ma túy",
     {"2025": ">80%", "2030": "100%"}),
]
DRAFTS = [
    "Đã tổ chức {a} buổi tuyên truyền, giáo dục pháp luật về phòng, chống ma túy cho {b} lượt học sinh, "
    "học viên; phát hành {c} tờ rơi, áp phích.",
    "Đã quản lý {a} thanh, thiếu niên có hồ sơ; tư vấn, khám sàng lọc cho {b} trường hợp; {c} trường hợp "
    "được hỗ trợ học nghề, việc làm.",
    "Đã tập huấn cho {a} cán bộ, giáo viên; kiểm tra {b} cơ sở kinh doanh dịch vụ; phát hiện, xử lý {c} vụ việc.",
    "Đã tổ chức {a} hoạt động hưởng ứng Tháng hành động với {b} lượt đoàn viên, thanh niên tham gia; "
    "thành lập {c} Đội Thanh niên xung kích.",
]
COMMENTS = [
    "Đề nghị đơn vị cập nhật số liệu trước ngày 05/12 để Công an tỉnh tổng hợp.",
    "Đơn vị đã phối hợp với Công an tỉnh tổ chức tuyên truyền tại các trường trung học phổ thông.",
    "Đã bổ sung số liệu theo ý kiến của cán bộ thường trực.",
    "Đề nghị làm rõ số lượt người tham dự từng đợt tuyên truyền.",
    "Kinh phí thực hiện đã được bố trí trong dự toán năm của đơn vị.",
    "Đơn vị phối hợp đã gửi số liệu; đề nghị đơn vị chủ trì tổng hợp chung.",
]
REASONS = {
    "return_to_staff": ["Đề nghị chuyên viên rà soát lại số liệu trước khi gửi Công an tỉnh.",
                        "Bổ sung kết quả phối hợp với các đơn vị liên quan."],
    "return_to_unit": ["Đề nghị bổ sung số liệu kết quả thực hiện (số buổi, số lượt người tham dự).",
                       "Nội dung chưa đúng đề cương hướng dẫn của Công an tỉnh; đề nghị chỉnh sửa.",
                       "Chưa nêu kết quả so với chỉ tiêu của Kế hoạch; đề nghị bổ sung.",
                       "Số liệu chưa đúng kỳ báo cáo (từ 15/12 năm trước đến 14/12); đề nghị điều chỉnh."],
    "reopen": ["Cập nhật số liệu phát sinh sau khi đã được phê duyệt."],
    "cancel": ["Nhiệm vụ đã được điều chỉnh tại Kế hoạch sửa đổi, bổ sung.",
               "Nhiệm vụ trùng với nhiệm vụ khác của Kế hoạch."],
}


SECTIONS = [
    {"heading": "I. MỤC ĐÍCH, YÊU CẦU", "number": "I", "title": "MỤC ĐÍCH, YÊU CẦU", "blocks": [
        {"type": "heading", "number": "1", "text": "Mục đích"},
        {"type": "paragraph", "text": "Phòng ngừa, ngăn chặn, đẩy lùi tội phạm và tệ nạn ma túy trong thanh, "
                                      "thiếu niên; giảm số lượng thanh, thiếu niên sử dụng trái phép chất ma túy."},
        {"type": "heading", "number": "2", "text": "Yêu cầu"},
        {"type": "bullet", "text": "Quản lý chặt chẽ số thanh, thiếu niên sử dụng trái phép chất ma túy, "
                                   "nghiện ma túy, sau cai nghiện ma túy theo quy định."}]},
    {"heading": "II. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU", "number": "II", "title": "NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU",
     "blocks": [{"type": "bullet", "text": "Tăng cường công tác lãnh đạo, chỉ đạo; nâng cao hiệu lực, hiệu quả "
                                           "quản lý nhà nước về phòng, chống ma túy trong thanh, thiếu niên."},
                {"type": "bullet", "text": "Tăng cường công tác tuyên truyền, giáo dục phòng, chống ma túy "
                                           "trong thanh, thiếu niên."}]},
    {"heading": "III. TỔ CHỨC THỰC HIỆN", "number": "III", "title": "TỔ CHỨC THỰC HIỆN", "blocks": [
        {"type": "paragraph", "text": "Các cơ quan, đơn vị căn cứ nội dung Kế hoạch xây dựng kế hoạch thực hiện "
                                      "(chậm nhất sau 10 ngày); định kỳ hằng năm (trước ngày 05/12) báo cáo "
                                      "kết quả về Công an tỉnh để tổng hợp."}]},
]


def legal_basis(day: date) -> list[str]:
    basis = ["Căn cứ Luật Phòng, chống ma túy năm 2021;"]
    if day >= date(2024, 2, 2):
        basis.append("Căn cứ Quyết định số 140/QĐ-TTg ngày 02/02/2024 của Thủ tướng Chính phủ ban hành "
                     "Chương trình phòng, chống ma túy trong thanh, thiếu niên đến năm 2030;")
    else:
        basis.append("Thực hiện Chỉ thị số 36-CT/TW ngày 16/8/2019 của Bộ Chính trị về tăng cường, nâng cao "
                     "hiệu quả công tác phòng, chống và kiểm soát ma túy;")
    return basis


def post_for(role: str, kind: str) -> str:
    """Job title of a generated account."""
    if role == "unit_head":
        return {"standing_agency": "Trưởng phòng PC04", "commune": "Phó Chủ tịch UBND",
                "people_committee": "Chánh Văn phòng", "mass_organisation": "Phó Chủ tịch"
                }.get(kind, "Phó Giám đốc")
    if role == "staff":
        return {"standing_agency": "Cán bộ Phòng PC04",
                "commune": "Công chức Văn hóa - Xã hội"}.get(kind, "Chuyên viên")
    return {"admin": "Quản trị hệ thống", "viewer": "Phó Chủ tịch UBND", "reviewer": "Cán bộ thường trực PC04",
            "signer": "Phó Giám đốc Công an"}[role]
