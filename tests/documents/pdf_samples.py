"""Print contexts built from the two seed plans, for the PDF tests and bench/pdf_bench.py.

The texts are copied from seed 001 (UBND tỉnh Quảng Ninh, 112/KH-UBND) and seed 000 (Tỉnh đoàn and
Công an tỉnh Bến Tre, joint plan), with the web copy's line wraps joined.
"""
from __future__ import annotations

import copy
from datetime import date

LEGAL_BASIS = ['Thực hiện Chương trình phòng, chống ma túy trong thanh, thiếu niên đến năm 2030 của Thủ tướng '
 'Chính phủ (ban hành kèm theo Quyết định số 140/QĐ-TTg ngày 02/02/2024 của Thủ tướng Chính phủ);',
 'Kết luận số 386-KL/BCSĐ ngày 24/4/2024 của Ban cán sự đảng Ủy ban nhân dân tỉnh về việc triển '
 'khai Chương trình phòng, chống ma túy trong thanh, thiếu niên đến năm 2030 trên địa bàn tỉnh;']

INTRO = ['Theo đề nghị của Công an tỉnh tại Tờ trình số 1105/TTr-CAT-CSMT ngày 11/4/2024 và ý kiến thống '
 'nhất của các ủy viên Ủy ban nhân dân tỉnh; Ủy ban nhân dân tỉnh Quảng Ninh ban hành Kế hoạch '
 'triển khai Chương trình phòng, chống ma túy trong thanh, thiếu niên đến năm 2030 trên địa bàn '
 'tỉnh, cụ thể như sau:']

SECTIONS = [{'heading': 'I. MỤC ĐÍCH, YÊU CẦU',
  'number': 'I',
  'title': 'MỤC ĐÍCH, YÊU CẦU',
  'blocks': [{'type': 'heading', 'number': '1', 'text': 'Mục đích'},
             {'type': 'paragraph',
              'text': 'Phòng ngừa, ngăn chặn, đẩy lùi tội phạm và tệ nạn ma túy trong thanh, thiếu '
                      'niên; giảm số lượng thanh, thiếu niên sử dụng trái phép chất ma túy, nghiện '
                      'ma túy, vi phạm pháp luật về ma túy hằng năm trên địa bàn tỉnh, góp phần '
                      'xây dựng thế hệ thanh, thiếu niên tỉnh Quảng Ninh phát triển toàn diện; có '
                      'lý tưởng cách mạng; có đạo đức, ý thức công dân, chấp hành pháp luật; có '
                      'sức khỏe và lối sống lành mạnh; nâng cao vai trò, trách nhiệm của thanh, '
                      'thiếu niên trong sự nghiệp xây dựng và bảo vệ Tổ quốc.'},
             {'type': 'heading', 'number': '2', 'text': 'Yêu cầu'},
             {'type': 'bullet',
              'text': 'Kiềm chế tỷ lệ gia tăng; tiến tới giảm số lượng thanh, thiếu niên sử dụng '
                      'trái phép chất ma túy, nghiện ma túy so với năm trước.'},
             {'type': 'bullet',
              'text': 'Quản lý chặt chẽ số thanh, thiếu niên sử dụng trái phép chất ma túy, nghiện '
                      'ma túy, sau cai nghiện ma túy theo quy định.'},
             {'type': 'bullet',
              'text': 'Kết hợp chặt chẽ việc thực hiện các nhiệm vụ, chỉ tiêu tại Kế hoạch này với '
                      'các nhiệm vụ, chỉ tiêu về phòng, chống ma túy của Tỉnh, nhất là Chỉ thị số '
                      '32-CT/TU ngày 05/5/2023 của Ban Thường vụ Tỉnh ủy về tăng cường, nâng cao '
                      'hiệu quả công tác phòng, chống và kiểm soát ma túy trong tình hình mới; '
                      'Nghị quyết số 178/NQ-HĐND ngày 08/12/2023 của Hội đồng nhân dân tỉnh về '
                      'phát triển thanh niên tỉnh Quảng Ninh đến năm 2030 và các chỉ tiêu liên '
                      'quan đến xây dựng “Xã, phường, thị trấn sạch ma túy”, “Huyện sạch ma túy” '
                      'trên địa bàn tỉnh.'},
             {'type': 'heading', 'number': '3', 'text': 'Chỉ tiêu cụ thể'},
             {'type': 'bullet',
              'text': 'Đến năm 2025, trên 80% và năm 2030, trên 90% thanh, thiếu niên sử dụng trái '
                      'phép chất ma túy, nghiện ma túy có hồ sơ quản lý được tư vấn, khám sàng '
                      'lọc, đánh giá, được giáo dục thay đổi hành vi, điều trị, cai nghiện ma túy '
                      'thích hợp và thanh, thiếu niên sau cai nghiện ma túy, thanh, thiếu niên '
                      'chấp hành xong án phạt tù về tội phạm ma túy được hỗ trợ dạy nghề, việc làm '
                      'và các hoạt động hỗ trợ hòa nhập cộng đồng theo quy định pháp luật.'},
             {'type': 'bullet',
              'text': 'Số vụ thanh, thiếu niên phạm tội về ma túy năm sau giảm so với năm trước; '
                      'các điểm, tụ điểm phức tạp về ma túy liên quan đến thanh, thiếu niên được '
                      'đấu tranh, triệt xóa kịp thời và không để tái hình thành; trên 90% số vụ '
                      'phạm tội về ma túy phát hiện liên quan đến thanh, thiếu niên được giải '
                      'quyết, xét xử theo quy định.'},
             {'type': 'bullet',
              'text': 'Định kỳ hằng năm, tổ chức Đoàn các cấp phát động phong trào thanh niên '
                      'hưởng ứng, tham gia các hoạt động phòng, chống ma túy. Các tổ chức Đoàn xã, '
                      'phường, thị trấn có tội phạm, tệ nạn ma túy xây dựng mô hình phòng, chống '
                      'ma túy; trong đó, mỗi năm giúp đỡ, hỗ trợ để cảm hóa được ít nhất 01 thanh, '
                      'thiếu niên; đối với xã, phường, thị trấn trọng điểm, phức tạp về ma túy mỗi '
                      'năm giúp đỡ, hỗ trợ để cảm hóa được ít nhất 02 thanh, thiếu niên sau cai '
                      'nghiện ma túy hoặc thanh, thiếu niên chấp hành xong án phạt tù về tội phạm '
                      'ma túy tái hòa nhập cộng đồng, có việc làm ổn định.'},
             {'type': 'bullet',
              'text': 'Hằng năm, ít nhất 90% cơ sở giáo dục bậc trung học cơ sở trở lên tổ chức '
                      'tuyên truyền, giáo dục, phổ biến kiến thức về phòng, chống ma túy cho cán '
                      'bộ, giáo viên, giảng viên, học sinh, sinh viên. Đến năm 2025, trên 80% và '
                      'năm 2030, 100% cán bộ, giáo viên, giảng viên được tập huấn, trang bị kiến '
                      'thức, kỹ năng phòng, chống ma túy để có đủ năng lực tổ chức các hoạt động '
                      'giáo dục phòng, chống ma túy cho học sinh, sinh viên.'}]},
 {'heading': 'II. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU',
  'number': 'II',
  'title': 'NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU',
  'blocks': [{'type': 'heading',
              'number': '1',
              'text': 'Tăng cường công tác lãnh đạo, chỉ đạo; nâng cao hiệu lực, hiệu quả quản lý '
                      'nhà nước về phòng, chống ma túy trong thanh, thiếu niên'},
             {'type': 'bullet',
              'text': 'Coi công tác phòng, chống ma túy trong thanh, thiếu niên là nội dung quan '
                      'trọng, cấp bách trong tổng thể chiến lược quốc gia phòng, chống ma túy, '
                      'phải được thực hiện quyết liệt, thường xuyên, kiên trì góp phần bảo vệ và '
                      'phát huy vai trò của thanh, thiếu niên đối với sự phát triển bền vững của '
                      'đất nước; trong đó phát huy vai trò nòng cốt của lực lượng Công an, ngành '
                      'giáo dục và tổ chức Đoàn Thanh niên Cộng sản Hồ Chí Minh các cấp.'},
             {'type': 'bullet',
              'text': 'Kết hợp chặt chẽ giữa phòng và chống; lấy phòng ngừa là chính, coi trọng '
                      'phòng ngừa ngay từ gia đình, cơ sở giáo dục, tổ dân phố, khu dân cư, xã, '
                      'phường, thị trấn. Chủ động, kịp thời phát hiện sớm và can thiệp sớm đối với '
                      'thanh, thiếu niên sử dụng trái phép chất ma túy, nghiện ma túy; kết hợp với '
                      'tăng cường đấu tranh ngăn chặn tội phạm và tệ nạn ma túy xâm nhập vào '
                      'thanh, thiếu niên.'},
             {'type': 'bullet',
              'text': 'Phát huy vai trò và nâng cao trách nhiệm của người đứng đầu các cấp, tính '
                      'tiên phong, gương mẫu của mỗi cán bộ, đảng viên; trước hết không để bản '
                      'thân và con em trong gia đình vi phạm pháp luật về phòng, chống ma túy. '
                      'Thực hiện nghiêm chỉnh Quy định số 69-QĐ/TW ngày 06/7/2022 của Bộ Chính trị '
                      'về kỷ luật đối với tổ chức đảng, đảng viên vi phạm, nhất là đối với trường '
                      'hợp bản thân người đứng đầu, cán bộ, đảng viên vi phạm pháp luật về phòng, '
                      'chống ma túy hoặc thiếu trách nhiệm trong quản lý, giáo dục dẫn đến con em '
                      'hoặc cấp dưới trực tiếp vi phạm pháp luật về phòng, chống ma túy.'},
             {'type': 'bullet',
              'text': 'Nâng cao hiệu lực, hiệu quả công tác phối hợp giữa các cấp, các ngành, nhất '
                      'là giữa lực lượng Công an, Đoàn thanh niên các cấp, cơ sở giáo dục và các '
                      'ban, ngành, đoàn thể chính trị - xã hội; kết hợp với tăng cường vai trò, '
                      'trách nhiệm của mỗi gia đình trong công tác phòng, chống ma túy trong '
                      'thanh, thiếu niên.'},
             {'type': 'bullet',
              'text': 'Bảo đảm chế độ thông tin, báo cáo đầy đủ, kịp thời, chính xác; xây dựng, '
                      'cập nhật, khai thác cơ sở dữ liệu về phòng, chống ma túy trong thanh, thiếu '
                      'niên, phục vụ hiệu quả công tác quản lý nhà nước về phòng, chống ma túy '
                      'trong thanh, thiếu niên.'},
             {'type': 'heading',
              'number': '2',
              'text': 'Hoàn thiện hệ thống chính sách, pháp luật về phòng, chống ma túy trong '
                      'thanh, thiếu niên'},
             {'type': 'bullet',
              'text': 'Chủ động nắm tình hình, nhận diện xu hướng thanh, thiếu niên sử dụng trái '
                      'phép các chất ma túy, chất gây nghiện, chất hướng thần mới kịp thời đề xuất '
                      'bổ sung vào danh mục chất ma túy và tiền chất để quản lý.'},
             {'type': 'bullet',
              'text': 'Nghiên cứu, đề xuất sửa đổi, bổ sung, hoàn thiện quy định pháp luật về an '
                      'toàn thực phẩm; phòng, chống tác hại của thuốc lá, nhất là quản lý chặt chẽ '
                      'các loại thuốc lá điện tử, thuốc lá nung nóng, thuốc lá thế hệ mới, '
                      'shisha... để phòng ngừa tình trạng ma túy "núp bóng", pha trộn, tẩm ướp vào '
                      'các loại thực phẩm, thuốc lá... xâm nhập vào thanh, thiếu niên, học sinh, '
                      'sinh viên.'},
             {'type': 'bullet',
              'text': 'Nghiên cứu, đề xuất sửa đổi, bổ sung, hoàn thiện các cơ chế phối hợp liên '
                      'ngành về phòng, chống ma túy trong thanh, thiếu niên phù hợp với thực tiễn, '
                      'nhất là giữa lực lượng Công an với các cấp bộ đoàn, ngành giáo dục và ban, '
                      'ngành, đoàn thể chính trị - xã hội có liên quan.'},
             {'type': 'heading',
              'number': '3',
              'text': 'Tăng cường công tác tuyên truyền, giáo dục phòng, chống ma túy trong thanh, '
                      'thiếu niên'},
             {'type': 'bullet',
              'text': 'Tập trung tuyên truyền, giáo dục, nâng cao nhận thức pháp luật về phòng, '
                      'chống ma túy, cảnh báo trực diện cho thanh, thiếu niên, học sinh, sinh viên '
                      'và phụ huynh về hậu quả, tác hại, hiểm họa của ma túy, nhất là ma túy tổng '
                      'hợp, chất hướng thần, các loại ma túy “núp bóng”, pha trộn, tẩm ướp vào '
                      'thực phẩm, đồ uống, thuốc lá điện tử, thuốc lá thế hệ mới, shisha...; '
                      'phương thức, thủ đoạn lôi kéo thanh, thiếu niên tham gia vào hoạt động phạm '
                      'tội và tệ nạn ma túy; cách thức nhận biết, kỹ năng phòng ngừa, chủ động '
                      'tham gia tố giác và cung cấp thông tin về tội phạm, tệ nạn ma túy cho cơ '
                      'quan chức năng.'},
             {'type': 'bullet',
              'text': 'Tổ chức tuyên truyền cá biệt, tập trung vào nhóm đối tượng có nguy cơ cao '
                      'như thanh, thiếu niên sau cai nghiện ma túy, không có công ăn việc làm, có '
                      'tiền án, tiền sự; học sinh, sinh viên cá biệt; thanh, thiếu niên vùng dân '
                      'tộc thiểu số, khu vực biên giới, miền núi, vùng sâu, vùng xa; thanh, thiếu '
                      'niên có hoàn cảnh đặc biệt khác.'},
             {'type': 'bullet',
              'text': 'Xây dựng, chuẩn hóa các chương trình, tài liệu tuyên truyền, giáo dục '
                      'phòng, chống ma túy cho thanh, thiếu niên, phù hợp với đối tượng, vùng '
                      'miền. Tổ chức đào tạo, bồi dưỡng, tập huấn nâng cao năng lực, kiến thức và '
                      'kỹ năng cần thiết cho đội ngũ tuyên truyền viên, cán bộ, giáo viên để làm '
                      'tốt công tác tuyên truyền, giáo dục phòng, chống ma túy.'}]},
 {'heading': 'III. PHÂN CÔNG NHIỆM VỤ',
  'number': 'III',
  'title': 'PHÂN CÔNG NHIỆM VỤ',
  'blocks': [{'type': 'heading', 'number': '1', 'text': 'Công an tỉnh'},
             {'type': 'bullet',
              'text': 'Chủ trì, phối hợp với Tỉnh Đoàn tổ chức triển khai, hướng dẫn, đôn đốc các '
                      'sở, ban, ngành, địa phương thực hiện Kế hoạch gắn với các chương trình, đề '
                      'án, dự án khác của tỉnh, nhất là liên quan đến lĩnh vực phòng, chống ma túy '
                      'và phát triển thanh, thiếu niên.'},
             {'type': 'bullet',
              'text': 'Chủ động nắm, phân tích, đánh giá, nhận diện, dự báo chính xác tình hình để '
                      'triển khai các kế hoạch, phương án đấu tranh, triệt xóa các ổ nhóm, đường '
                      'dây tội phạm ma túy; các điểm, tụ điểm mua bán, tổ chức sử dụng, chứa chấp '
                      'sử dụng trái phép chất ma túy liên quan đến thanh, thiếu niên.'},
             {'type': 'bullet',
              'text': 'Thường xuyên kiểm tra, giám sát chặt chẽ các cơ sở kinh doanh có điều kiện '
                      'và dịch vụ nhạy cảm về an ninh trật tự để phòng ngừa và kịp thời phát hiện, '
                      'đấu tranh, xử lý các hành vi mua bán, tổ chức sử dụng, lôi kéo thanh, thiếu '
                      'niên, học sinh, sinh viên sử dụng trái phép chất ma túy. Tổ chức kiểm '
                      'duyệt, phát hiện, điều tra, xử lý nghiêm các tổ chức, cá nhân giới thiệu, '
                      'hướng dẫn sản xuất, điều chế ma túy tổng hợp, quảng cáo mua bán, lôi kéo '
                      'thanh, thiếu niên sử dụng trái phép các chất ma túy trên không gian mạng.'},
             {'type': 'heading', 'number': '2', 'text': 'Sở Giáo dục và Đào tạo'},
             {'type': 'bullet',
              'text': 'Triển khai bộ tài liệu tuyên truyền, giáo dục pháp luật và kỹ năng phòng '
                      'chống ma túy cho học sinh, học viên các cấp học, phù hợp với đối tượng, '
                      'vùng miền. Tăng cường tuyên truyền cho học sinh, học viên và phụ huynh về '
                      'hậu quả, tác hại của ma túy, đặc biệt là ma túy tổng hợp, các chất gây '
                      'nghiện, chất hướng thần, ma túy “núp bóng” các loại thực phẩm, đồ uống, '
                      'thuốc lá điện tử, thuốc lá thế hệ mới, dưới các dạng như tem giấy, cỏ '
                      'Mỹ...; cách thức nhận biết và kỹ năng phòng tránh; tổ chức cho cán bộ, giáo '
                      'viên, giảng viên, học sinh, học viên ký cam kết không vi phạm pháp luật về '
                      'ma túy”.'},
             {'type': 'bullet',
              'text': 'Tổ chức thực hiện chương trình giáo dục về phòng, chống ma túy cho học '
                      'sinh, học viên; lồng ghép nội dung giáo dục phòng, chống ma túy vào chương '
                      'trình, giáo dục, các hoạt động trải nghiệm, hoạt động ngoại khóa. Mở rộng '
                      'các hình thức tuyên truyền, giáo dục phòng, chống ma túy thông qua tổ chức '
                      'các hoạt động thực tế cho học sinh, học viên như tham dự các phiên tòa '
                      'điểm, phiên tòa giả định, tham quan các cơ sở cai nghiện ma túy, trại tạm '
                      'giam tại các địa phương.'},
             {'type': 'heading', 'number': '13', 'text': 'Tỉnh Đoàn'},
             {'type': 'bullet',
              'text': 'Xây dựng chương trình, kế hoạch chỉ đạo Đoàn Thanh niên các cấp phát huy '
                      'vai trò xung kích, phối hợp chặt chẽ với lực lượng Công an, ngành giáo dục '
                      'và các ban, ngành, địa phương triển khai thực hiện có hiệu quả các mục '
                      'tiêu, yêu cầu, nhiệm vụ, giải pháp của Kế hoạch.'},
             {'type': 'bullet',
              'text': 'Cụ thể hoá các nội dung, nhiệm vụ của Kế hoạch thành chỉ tiêu trong chương '
                      'trình công tác Đoàn, công tác Đội, các phong trào thanh, thiếu niên hằng '
                      'năm của Đoàn thanh niên các cấp; đưa vào kế hoạch kiểm tra, giám sát định '
                      'kỳ, kịp thời phát hiện, xây dựng, nhân rộng các mô hình, cách làm hay, sáng '
                      'tạo trong công tác phòng, chống ma túy trong thanh, thiếu niên; tổ chức '
                      'tuyên dương, khen thưởng các tập thể, cá nhân có thành tích xuất sắc trong '
                      'công tác phòng, chống ma túy trong thanh, thiếu niên.'},
             {'type': 'bullet', 'text': 'Triển khai các dự án của Trung ương Đoàn:'},
             {'type': 'subbullet',
              'text': 'Dự án 1: “Tăng cường công tác truyền thông về phòng, chống ma túy trong '
                      'thanh, thiếu niên”.'},
             {'type': 'subbullet',
              'text': 'Dự án 2: “Triển khai các Đội Thanh niên xung kích tham gia phòng, chống ma '
                      'túy tại địa bàn cơ sở”.'}]}]

CLOSING = ['Giao Công an tỉnh chủ trì theo dõi, hướng dẫn, kiểm tra, đôn đốc việc triển khai thực hiện Kế '
 'hoạch của các sở, ban, ngành, cơ quan, đơn vị, địa phương; định kỳ tổng hợp, đánh giá kết quả '
 'thực hiện Kế hoạch trên địa bàn Tỉnh; kịp thời báo cáo, tham mưu, đề xuất Ủy ban nhân dân tỉnh '
 'chỉ đạo nội dung phát sinh, vượt thẩm quyền theo quy định.']

APPENDIX_ROWS = [{'stt': 1,
  'text': 'Chủ trì, phối hợp với Tỉnh Đoàn tổ chức triển khai, hướng dẫn, đôn đốc các sở, ban, '
          'ngành, địa phương thực hiện Kế hoạch gắn với các chương trình, đề án, dự án khác của '
          'tỉnh, nhất là liên quan đến lĩnh vực phòng, chống ma túy và phát triển thanh, thiếu '
          'niên.',
  'lead': 'Công an tỉnh',
  'coordinating': 'Tỉnh Đoàn, Sở Giáo dục và Đào tạo',
  'deadline': 'Hằng năm, trước 05/12'},
 {'stt': 2,
  'text': 'Triển khai bộ tài liệu tuyên truyền, giáo dục pháp luật và kỹ năng phòng chống ma túy '
          'cho học sinh, học viên các cấp học, phù hợp với đối tượng, vùng miền. Tăng cường tuyên '
          'truyền cho học sinh, học viên và phụ huynh về hậu quả, tác hại của ma túy, đặc biệt là '
          'ma túy tổng hợp, các chất gây nghiện, chất hướng thần, ma túy “núp bóng” các loại thực '
          'phẩm, đồ uống, thuốc lá điện tử, thuốc lá thế hệ mới, dưới các dạng như tem giấy, cỏ '
          'Mỹ...; cách thức nhận biết và kỹ năng phòng tránh; tổ chức cho cán bộ, giáo viên, giảng '
          'viên, học sinh, học viên ký cam kết không vi phạm pháp luật về ma túy”.',
  'lead': 'Sở Giáo dục và Đào tạo',
  'coordinating': 'Công an tỉnh, Tỉnh Đoàn',
  'deadline': 'Hằng năm, trước 05/12'},
 {'stt': 3,
  'text': 'Hướng dẫn triển khai nâng cấp, sửa chữa, xây mới và bảo đảm nhân lực cho cơ sở cai '
          'nghiện ma túy, cơ sở trợ giúp xã hội công lập. Tăng cường đầu tư cơ sở vật chất, trang '
          'thiết bị, nhân lực bảo đảm điều kiện cai nghiện ma túy; thực hiện chương trình giáo dục '
          'phổ thông, học văn hóa cho người từ đủ 12 tuổi đến dưới 18 tuổi và thanh, thiếu niên '
          'nghiện ma túy theo quy định. Tổ chức đào tạo, dạy nghề, hướng nghiệp cho thanh, thiếu '
          'niên tham gia cai nghiện ma túy phù hợp với từng lứa tuổi, vùng miền.',
  'lead': 'Sở Lao động - Thương binh và Xã hội',
  'coordinating': 'Công an tỉnh, Sở Y tế',
  'deadline': 'Thường xuyên'},
 {'stt': 4,
  'text': 'Rà soát, bảo đảm cơ sở vật chất, nhân lực và công bố cơ sở y tế đủ điều kiện xác định '
          'tình trạng nghiện ma túy, nhất là trạm y tế cấp xã để kịp thời phát hiện thanh, thiếu '
          'niên nghiện ma túy tại địa bàn cơ sở và áp dụng các biện pháp cai nghiện ma túy phù '
          'hợp.',
  'lead': 'Sở Y tế',
  'coordinating': 'Công an tỉnh, Sở Lao động - Thương binh và Xã hội',
  'deadline': 'Thường xuyên'},
 {'stt': 5,
  'text': 'Triển khai lồng ghép công tác tuyên truyền phòng, chống ma túy trong thanh, thiếu niên '
          'vào các hoạt động văn hóa, văn nghệ, thể dục, thể thao, du lịch; tiếp tục phát huy hiệu '
          'quả hoạt động của hệ thống thiết chế văn hóa từ tỉnh đến cơ sở trong công tác giáo dục, '
          'tuyên truyền về phòng, chống ma túy; đưa nội dung phòng, chống ma túy trong thanh, '
          'thiếu niên vào công tác tuyên truyền xây dựng “Thôn, khu phố văn hóa”, “Xã, phường, thị '
          'trấn tiêu biểu” trên địa bàn tỉnh.',
  'lead': 'Sở Văn hóa, Thể thao; Sở Du lịch',
  'coordinating': 'Công an tỉnh, Tỉnh Đoàn',
  'deadline': 'Hằng năm'},
 {'stt': 6,
  'text': 'Chủ động xây dựng kế hoạch và phối hợp với lực lượng Công an trong phòng, chống ma túy '
          'trong thanh, thiếu niên ở khu vực biên giới, cửa khẩu và trên biển theo chức năng, '
          'nhiệm vụ được giao.',
  'lead': 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh, Cục Hải quan tỉnh',
  'coordinating': 'Công an tỉnh',
  'deadline': 'Thường xuyên'},
 {'stt': 7,
  'text': 'Chủ trì, phối hợp Công an tỉnh và các ngành chức năng tăng cường công tác quản lý nhà '
          'nước, nắm tình hình, kiểm tra, phát hiện, xử lý các mặt hàng thực phẩm, đồ uống, thảo '
          'mộc... không có hóa đơn chứng từ hợp pháp có nguy cơ “núp bóng” ma túy.',
  'lead': 'Sở Công Thương',
  'coordinating': 'Công an tỉnh, Cục Quản lý thị trường tỉnh',
  'deadline': 'Định kỳ, chuyên đề'},
 {'stt': 8,
  'text': 'Trên cơ sở dự toán do Công an tỉnh tổng hợp báo cáo (của các sở, ban ngành, cơ quan đơn '
          'vị khối tỉnh, dự toán của các chương trình, đề án, dự án, nhiệm vụ khác có cùng mục '
          'tiêu trên địa bàn tỉnh), thực hiện rà soát, tổng hợp, báo cáo trình cấp có thẩm quyền '
          'xem xét, quyết định bố trí kinh phí hàng năm để thực hiện chương trình theo quy định '
          'của Luật Ngân sách Nhà nước và các văn bản hướng dẫn thi hành.',
  'lead': 'Sở Tài chính',
  'coordinating': 'Công an tỉnh, các sở, ngành',
  'deadline': 'Hằng năm'},
 {'stt': 9,
  'text': 'Chỉ đạo các cơ quan báo chí tăng thời lượng và đa dạng các hình thức, biện pháp, nội '
          'dung truyền thông về phòng, chống ma túy trong thanh, thiếu niên trên các phương tiện '
          'thông tin đại chúng và trên không gian mạng. Phối hợp với các sở, ban, ngành, địa '
          'phương chủ động định hướng, cung cấp thông tin chính xác, kịp thời cho báo chí và các '
          'phương thức truyền thông khác về công tác phòng, chống ma túy trong thanh, thiếu niên.',
  'lead': 'Sở Thông tin và Truyền thông',
  'coordinating': 'Công an tỉnh, Trung tâm truyền thông tỉnh',
  'deadline': 'Thường xuyên'},
 {'stt': 10,
  'text': 'Tổ chức tuyên truyền, phổ biến giáo dục pháp luật về phòng chống ma túy trong thanh, '
          'thiếu niên, phổ biến kiến thức về tác hại của ma túy đối với giới trẻ; giới thiệu các '
          'gương điển hình, mô hình phòng, chống ma túy, cai nghiện ma túy hiệu quả trong thanh, '
          'thiếu niên trên các hạ tầng báo chí của tỉnh gồm: truyền hình, phát thanh, báo in, báo '
          'điện tử, Cổng Thông tin điện tử tỉnh, các nền tảng mạng xã hội.',
  'lead': 'Trung tâm truyền thông tỉnh',
  'coordinating': 'Công an tỉnh, Sở Thông tin và Truyền thông',
  'deadline': 'Thường xuyên'},
 {'stt': 11,
  'text': 'Nâng cao chất lượng xem xét, giải quyết hồ sơ đề nghị đưa vào cơ sở cai nghiện bắt buộc '
          'người từ đủ 12 đến dưới 18 tuổi. Phối hợp xây dựng chỉ tiêu, thu thập thông tin thống '
          'kê và chia sẻ thông tin về tình hình người dưới 18 tuổi phạm tội về ma túy và đưa người '
          'nghiện ma túy từ đủ 12 tuổi đến dưới 18 tuổi vào cơ sở cai nghiện bắt buộc. Thường '
          'xuyên tổ chức các phiên tòa giả định, phiên tòa rút kinh nghiệm góp phần nâng cao chất '
          'lượng xét xử và hiệu quả công tác tuyên truyền phòng ngừa tội phạm ma túy trong thanh, '
          'thiếu niên.',
  'lead': 'Viện Kiểm sát nhân dân tỉnh, Tòa án nhân dân tỉnh',
  'coordinating': 'Công an tỉnh',
  'deadline': 'Hằng năm'},
 {'stt': 12,
  'text': 'Chỉ đạo tăng cường công tác quản lý, phát triển thanh niên ở cơ quan, đơn vị; phối hợp '
          'triển khai có hiệu quả các nội dung của Chương trình theo chức năng, nhiệm vụ, lĩnh vực '
          'phụ trách.',
  'lead': 'Ủy ban MTTQ và các tổ chức chính trị - xã hội tỉnh',
  'coordinating': 'Tỉnh Đoàn, các sở, ngành',
  'deadline': 'Hằng năm'},
 {'stt': 13,
  'text': 'Xây dựng chương trình, kế hoạch chỉ đạo Đoàn Thanh niên các cấp phát huy vai trò xung '
          'kích, phối hợp chặt chẽ với lực lượng Công an, ngành giáo dục và các ban, ngành, địa '
          'phương triển khai thực hiện có hiệu quả các mục tiêu, yêu cầu, nhiệm vụ, giải pháp của '
          'Kế hoạch.',
  'lead': 'Tỉnh Đoàn',
  'coordinating': 'Công an tỉnh, Sở Giáo dục và Đào tạo',
  'deadline': 'Hằng năm, trước 05/12'},
 {'stt': 14,
  'text': 'Xây dựng kế hoạch triển khai các biện pháp để cụ thể hóa và đề ra các giải pháp cụ thể, '
          'gắn trách nhiệm cụ thể cho các tập thể, cá nhân trong tổ chức thực hiện; tăng cường '
          'kiểm tra, đôn đốc, giám sát thực hiện Chương trình.',
  'lead': 'UBND các huyện, thị xã, thành phố',
  'coordinating': 'Công an tỉnh, các sở, ngành',
  'deadline': 'Trong 10 ngày kể từ ngày ban hành'}]

RECIPIENTS = [
    "Văn phòng Chính phủ",
    "Bộ Công an",
    "TT. Tỉnh ủy, TT. HĐND tỉnh",
    "CT, các PCT UBND tỉnh",
    "UB MTTQ và các tổ chức CT-XH tỉnh",
    "Các sở, ban, ngành",
    "UBND các huyện, thị xã, thành phố",
    "V0-V3",
    "Các CVNCTH, Phòng HC-TC-QT-TV",
    "Lưu: VT, NC1",
]


def build_plan() -> dict:
    """A realistic subset of seed 001 in the shape of docs/plan-format.md."""
    return {
        "number": "112",
        "symbol": "KH-UBND",
        "issuers": ["ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH"],
        "issuer_blocks": [{"parent": None, "lines": ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NINH"]}],
        "place": "Quảng Ninh",
        "issued_on": "2024-04-25",
        "doc_type": "KẾ HOẠCH",
        "title": "TRIỂN KHAI CHƯƠNG TRÌNH PHÒNG, CHỐNG MA TÚY TRONG THANH, THIẾU NIÊN "
        "ĐẾN NĂM 2030 TRÊN ĐỊA BÀN TỈNH QUẢNG NINH",
        "legal_basis": list(LEGAL_BASIS),
        "intro": list(INTRO),
        "sections": copy.deepcopy(SECTIONS),
        "closing": list(CLOSING),
        "signers": [
            {"lines": ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "name": "Nguyễn Thị Hạnh"}
        ],
        "recipients": list(RECIPIENTS),
        "drafter_mark": "CA-KH12",
    }


def plan_context(qr_png: str | None = None) -> dict:
    """The context of templates/pdf/plan.html for seed 001."""
    return {
        "plan": build_plan(),
        "appendix_rows": copy.deepcopy(APPENDIX_ROWS),
        "qr_png": qr_png,
        "signature_boxes": None,
    }


JOINT_SECTIONS = [
    {"heading": "I. MỤC ĐÍCH, YÊU CẦU", "blocks": [
        {"type": "bullet", "text": "Nâng cao chất lượng, hiệu quả công tác phối hợp giữa Công an tỉnh với "
         "Tỉnh đoàn và các tổ chức đoàn thể trong phòng chống ma túy nói chung, phòng chống ma túy trong "
         "thanh thiếu niên nói riêng, góp phần kéo giảm tình hình tội phạm và người nghiện ma túy trên địa "
         "bàn tỉnh."},
        {"type": "bullet", "text": "Công tác phối hợp phải đảm bảo chặt chẽ, đồng bộ với các nhiệm vụ, giải "
         "pháp cụ thể, phù hợp với tình hình thực tế địa phương."},
    ]},
    {"heading": "II. NỘI DUNG", "blocks": [
        {"type": "heading", "number": "1", "text": "Nâng cao chất lượng, hiệu quả tuyên truyền, giáo dục về "
         "tác hại của ma túy, cách nhận biết ma túy và công tác phòng, chống ma túy trong thanh thiếu niên"},
        {"type": "bullet", "text": "Tổ chức biên soạn, phát hành các tài liệu tuyên truyền pháp luật về "
         "phòng, chống ma túy phù hợp với từng nhóm đối tượng thanh thiếu niên, phục vụ công tác tuyên "
         "truyền, phổ biến, tập huấn, bồi dưỡng ở các cấp."},
        {"type": "bullet", "text": "Tổ chức các hoạt động cao điểm phòng, chống ma túy trong thanh thiếu niên "
         "hưởng ứng Tháng hành động phòng, chống ma túy và Ngày toàn dân phòng, chống ma túy 26/6, Ngày "
         "pháp luật Việt Nam,..."},
    ]},
    {"heading": "III. TỔ CHỨC THỰC HIỆN", "blocks": [
        {"type": "heading", "number": "1", "text": "Công an tỉnh"},
        {"type": "bullet", "text": "Phối hợp dự trù, tham mưu phân bổ kinh phí và tổ chức tập huấn, tuyên "
         "truyền phổ biến kiến thức pháp luật, phòng chống ma túy trong thanh thiếu niên cho đội ngũ cán bộ "
         "Đoàn các cấp, báo cáo viên, tuyên truyền viên của Đoàn Thanh niên, Công an, Đội Thanh niên xung "
         "kích."},
        {"type": "heading", "number": "2", "text": "Ban Thường vụ Tỉnh đoàn"},
        {"type": "bullet", "text": "Xây dựng Kế hoạch và triển khai đến các cấp bộ Đoàn trên địa bàn toàn "
         "tỉnh thực hiện. Phối hợp với Công an tỉnh, Sở Lao động - Thương binh và Xã hội, Sở Giáo dục và "
         "Đào tạo, Ban An toàn Giao thông tỉnh để triển khai các nội dung đề ra theo Kế hoạch."},
    ]},
]


def build_joint_plan() -> dict:
    """Seed 000 in short: two issuing bodies, two signature blocks, no number yet."""
    return {
        "number": None,
        "symbol": "KHPH-TĐTN-CAT",
        "issuers": ["TỈNH ĐOÀN BẾN TRE", "CÔNG AN TỈNH BẾN TRE"],
        "issuer_blocks": [
            {"parent": "BCH ĐOÀN TNCS HỒ CHÍ MINH", "lines": ["TỈNH ĐOÀN BẾN TRE"]},
            {"parent": "BỘ CÔNG AN", "lines": ["CÔNG AN TỈNH BẾN TRE"]},
        ],
        "place": "Bến Tre",
        "issued_on": "2021-12-30",
        "doc_type": "KẾ HOẠCH PHỐI HỢP",
        "title": "Hành động phòng, chống ma túy trong thanh thiếu niên giai đoạn 2021 - 2025 "
        "trên địa bàn tỉnh Bến Tre",
        "legal_basis": [],
        "intro": [
            "Căn cứ Kế hoạch số 7073/KH-UBND ngày 27/10/2021 của Ủy ban nhân dân tỉnh Bến Tre về việc "
            "“triển khai thực hiện chương trình phòng, chống ma túy trên địa bàn tỉnh Bến Tre giai đoạn "
            "2021 - 2025”, Ban Thường vụ Tỉnh đoàn phối hợp với Ban Giám đốc Công an tỉnh Bến Tre xây dựng "
            "Kế hoạch phối hợp hành động phòng, chống ma túy trong thanh thiếu niên giai đoạn 2021 - 2025 "
            "trên địa bàn tỉnh Bến Tre, cụ thể như sau:"
        ],
        "sections": copy.deepcopy(JOINT_SECTIONS),
        "closing": [
            "Trên đây là Kế hoạch phối hợp hành động phòng, chống ma túy trong thanh thiếu niên giai đoạn "
            "2021 - 2025 trên địa bàn tỉnh Bến Tre. Ban Thường vụ Tỉnh đoàn, Ban Giám đốc Công an tỉnh đề "
            "nghị các đơn vị nghiêm túc triển khai thực hiện đạt kết quả."
        ],
        "signers": [
            {"lines": ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], "rank": "Đại tá", "name": "Võ Công Bình"},
            {"lines": ["TM. BAN THƯỜNG VỤ TỈNH ĐOÀN", "PHÓ BÍ THƯ"], "name": "Phan Thanh Trέ"},
        ],
        "recipients": [
            "Bộ Công an", "VP 1,2 TW Đoàn, Hội", "BDV Tỉnh ủy", "BTV Tỉnh đoàn", "Công an tỉnh",
            "Công an các huyện, thành phố", "BTV các Huyện, Thành đoàn", "Đoàn khối, Đoàn tương đương",
            "Đoàn trường học trực thuộc", "Các Phòng, Ban Tỉnh đoàn", "Lưu: VT",
        ],
    }


def joint_plan_context() -> dict:
    """The context of templates/pdf/plan.html for the joint plan (no appendix)."""
    return {"plan": build_joint_plan(), "appendix_rows": [], "qr_png": None, "signature_boxes": None}


BAR_CHART_SVG = """<svg xmlns="http://www.w3.org/2000/svg" width="420" height="170" viewBox="0 0 420 170"
 font-family="Times New Roman" font-size="11">
  <line x1="40" y1="140" x2="410" y2="140" stroke="#000" stroke-width="0.8"/>
  <line x1="40" y1="10" x2="40" y2="140" stroke="#000" stroke-width="0.8"/>
  <rect x="70" y="62" width="50" height="78" fill="#9aa7b8"/><text x="95" y="56" text-anchor="middle">82%</text>
  <text x="95" y="156" text-anchor="middle">Tư vấn</text>
  <rect x="170" y="44" width="50" height="96" fill="#9aa7b8"/><text x="195" y="38" text-anchor="middle">96%</text>
  <text x="195" y="156" text-anchor="middle">Tập huấn GV</text>
  <rect x="270" y="50" width="50" height="90" fill="#9aa7b8"/><text x="295" y="44" text-anchor="middle">92%</text>
  <text x="295" y="156" text-anchor="middle">Tuyên truyền</text>
</svg>"""

TASK_RESULTS = {
    "title": "Biểu 1. Kết quả thực hiện nhiệm vụ được giao",
    "columns": ["STT", "Nhiệm vụ", "Kết quả", "Tiến độ"],
    "rows": [
        [1, "Triển khai bộ tài liệu tuyên truyền, giáo dục pháp luật và kỹ năng phòng chống ma túy cho học "
            "sinh, học viên các cấp học", "Đã phát hành tới 100% cơ sở giáo dục trung học", "Hoàn thành"],
        [2, "Tổ chức tập huấn, bồi dưỡng chuyên môn, nghiệp vụ, kỹ năng về phòng, chống ma túy cho cán bộ, "
            "giáo viên, giảng viên", "12 lớp, 1.460 lượt giáo viên tham gia", "Hoàn thành"],
        [3, "Xây dựng mô hình “Trường học không ma túy”", "18/30 trường đã triển khai", "Đang thực hiện"],
    ],
}
TARGETS = {
    "title": "Biểu 2. Chỉ tiêu và kết quả so với mốc năm 2025",
    "columns": ["Chỉ tiêu", "Mốc 2025", "Kết quả 2025", "Đánh giá"],
    "rows": [
        ["Cơ sở giáo dục từ THCS trở lên tổ chức tuyên truyền", "≥ 90%", "96%", "Đạt"],
        ["Cán bộ, giáo viên được tập huấn kỹ năng phòng, chống ma túy", "> 80%", "82%", "Đạt"],
    ],
}

REPORT_SECTIONS = [
    {"heading": "I. KẾT QUẢ THỰC HIỆN", "blocks": [
        {"type": "heading", "number": "1", "text": "Công tác lãnh đạo, chỉ đạo"},
        {"type": "paragraph", "text": "Ngay sau khi Kế hoạch số 112/KH-UBND được ban hành, Sở Giáo dục và "
         "Đào tạo đã ban hành kế hoạch triển khai, giao nhiệm vụ cụ thể cho các phòng chuyên môn và các cơ "
         "sở giáo dục trực thuộc; lồng ghép nội dung phòng, chống ma túy vào nhiệm vụ năm học 2025 - 2026."},
        {"type": "heading", "number": "2", "text": "Kết quả thực hiện các nhiệm vụ được giao"},
        {"type": "bullet", "text": "Tổ chức tuyên truyền, giáo dục phòng, chống ma túy tại 96% cơ sở giáo "
         "dục bậc trung học cơ sở trở lên, với các hình thức sân khấu hóa, phiên tòa giả định, tham quan cơ "
         "sở cai nghiện."},
        {"type": "bullet", "text": "Phối hợp với Công an tỉnh rà soát, phát hiện học sinh, học viên có nguy "
         "cơ cao; 100% trường hợp được phối hợp với gia đình quản lý, giáo dục."},
    ]},
    {"heading": "II. ĐÁNH GIÁ", "blocks": [
        {"type": "paragraph", "text": "Các nhiệm vụ được giao cơ bản hoàn thành đúng tiến độ; một số cơ sở "
         "giáo dục vùng sâu, vùng xa còn gặp khó khăn về kinh phí và đội ngũ làm công tác tuyên truyền."},
    ]},
    {"heading": "III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026", "blocks": [
        {"type": "bullet", "text": "Nhân rộng mô hình “Trường học không ma túy” đến toàn bộ các trường trung "
         "học phổ thông trên địa bàn tỉnh."},
    ]},
    {"heading": "IV. ĐỀ XUẤT, KIẾN NGHỊ", "blocks": [
        {"type": "paragraph", "text": "Đề nghị Ủy ban nhân dân tỉnh quan tâm bố trí kinh phí tập huấn kỹ "
         "năng phòng, chống ma túy cho giáo viên chủ nhiệm năm 2026."},
    ]},
]


def unit_report_context() -> dict:
    """A unit's annual result report (Sở Giáo dục và Đào tạo), one recipient in Kính gửi."""
    return {"doc": {
        "issuer_blocks": [{"parent": "UBND TỈNH QUẢNG NINH", "lines": ["SỞ GIÁO DỤC VÀ ĐÀO TẠO"]}],
        "number": "15",
        "symbol": "BC-SGDĐT",
        "place": "Quảng Ninh",
        "issued_on": date(2025, 12, 3),
        "doc_type": "BÁO CÁO",
        "title": "Kết quả thực hiện Kế hoạch số 112/KH-UBND năm 2025",
        "recipients_to": ["Ủy ban nhân dân tỉnh"],
        "sections": copy.deepcopy(REPORT_SECTIONS),
        "tables": [copy.deepcopy(TASK_RESULTS), copy.deepcopy(TARGETS)],
        "charts": [BAR_CHART_SVG],
        "signers": [{"lines": ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], "name": "Trần Minh Đức"}],
        "recipients": ["Như trên", "Công an tỉnh (PC04)", "Lưu: VT, CTTT"],
    }, "qr_png": None, "signature_boxes": None}


UNIT_RESULTS = {
    "title": "Biểu tổng hợp kết quả thực hiện của các đơn vị",
    "columns": ["STT", "Đơn vị", "Nhiệm vụ được giao", "Đã hoàn thành", "Tỷ lệ"],
    "rows": [[i + 1, unit, total, done, f"{round(100 * done / total)}%"] for i, (unit, total, done) in enumerate([
        ("Công an tỉnh", 10, 10), ("Sở Giáo dục và Đào tạo", 7, 6), ("Sở Lao động - Thương binh và Xã hội", 8, 7),
        ("Sở Y tế", 3, 3), ("Sở Văn hóa, Thể thao; Sở Du lịch", 2, 2), ("Sở Công Thương", 2, 1),
        ("Sở Tài chính", 1, 1), ("Sở Thông tin và Truyền thông", 2, 2), ("Tỉnh Đoàn", 4, 4),
    ])],
}


def consolidated_report_context() -> dict:
    """Công an tỉnh's consolidated report: two recipients in Kính gửi, per-unit table in the Phụ lục."""
    sections = copy.deepcopy(REPORT_SECTIONS)
    sections[0]["blocks"][1]["text"] = (
        "Công an tỉnh đã tổng hợp báo cáo của 14 sở, ban, ngành và Ủy ban nhân dân các địa phương; "
        "kết quả thực hiện của từng đơn vị được tổng hợp tại Phụ lục kèm theo Báo cáo này.")
    return {"doc": {
        "issuer_blocks": [{"parent": "BỘ CÔNG AN", "lines": ["CÔNG AN TỈNH QUẢNG NINH"]}],
        "number": "7",
        "symbol": "BC-CAT-PC04",
        "place": "Quảng Ninh",
        "issued_on": date(2025, 12, 10),
        "doc_type": "BÁO CÁO",
        "title": "Tổng hợp kết quả thực hiện Kế hoạch số 112/KH-UBND năm 2025",
        "recipients_to": ["Ủy ban nhân dân tỉnh Quảng Ninh",
                          "Cục Cảnh sát điều tra tội phạm về ma túy - Bộ Công an"],
        "sections": sections,
        "tables": [copy.deepcopy(UNIT_RESULTS)],
        "charts": [],
        "signers": [{"lines": ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], "name": "Đại tá Lê Văn Hùng"}],
        "recipients": ["Như trên", "Đồng chí Giám đốc (để b/c)", "Lưu: VT, PC04"],
    }, "qr_png": None, "signature_boxes": None}


def register_context() -> dict:
    """The outgoing register (sổ đăng ký văn bản đi) of Công an tỉnh for 2026."""
    entries = []
    for i in range(1, 31):
        entries.append({
            "number_symbol": f"{i:02d}/BC-CAT-PC04" if i % 3 else f"{i:02d}/KH-CAT-PC04",
            "issued_on": date(2026, 1 + (i - 1) // 5, 2 + ((i - 1) % 5) * 5),
            "summary": ("Báo cáo kết quả thực hiện Kế hoạch số 112/KH-UBND tháng " + str(1 + (i - 1) // 5))
            if i % 3 else "Kế hoạch kiểm tra công tác phòng, chống ma túy trong thanh, thiếu niên tại cơ sở",
            "signer": "Lê Văn Hùng",
            "recipients": ["UBND tỉnh", "Bộ Công an (C04)"] if i % 3 else ["Các sở, ban, ngành", "Công an các xã, phường"],
            "file_copy": "VT, PC04",
            "copies": 5 + i % 4,
            "dispatched_on": date(2026, 1 + (i - 1) // 5, 3 + ((i - 1) % 5) * 5),
            "receipt": "",
            "note": "Ký số" if i % 2 else "",
        })
    return {"year": 2026, "issuer": "CÔNG AN TỈNH QUẢNG NINH", "issuer_parent": "BỘ CÔNG AN",
            "volume": "01", "entries": entries}
