"""Sentences without figures for the benchmark corpus (benchmarks/corpus.py), in our own words.

Real provincial reports are mostly prose: most sentences assess, explain, direct or narrate, and
about one in five carries a figure. The ``report`` mix of the corpus draws its prose from here, so
that its articles have the density of real ones (see ``REAL_DENSITY`` in corpus.py). Slots:
``{province}``, ``{district}``, ``{dept}``, ``{name}``, ``{post}``, ``{year}``, ``{topic}``.
"""

from __future__ import annotations

TOPICS = ("cải cách hành chính", "xây dựng nông thôn mới", "giải phóng mặt bằng", "thu hút đầu tư",
          "chuyển đổi số", "bảo vệ môi trường", "phòng, chống tham nhũng, tiêu cực",
          "bảo đảm an sinh xã hội", "quản lý đất đai", "phát triển đảng viên")

ASSESSMENTS = (
    "Bên cạnh những kết quả đạt được, công tác {topic} vẫn còn một số hạn chế, nhất là việc triển "
    "khai ở một số cơ sở còn chậm, chưa đồng bộ, sự phối hợp giữa các ngành có lúc chưa chặt chẽ.",
    "Nhìn chung, tình hình kinh tế - xã hội của tỉnh tiếp tục chuyển biến tích cực, quốc phòng, an "
    "ninh được giữ vững, đời sống vật chất và tinh thần của Nhân dân từng bước được nâng lên.",
    "Nguyên nhân chủ yếu là giá nguyên vật liệu tăng cao, thị trường tiêu thụ thu hẹp, trong khi "
    "nhiều doanh nghiệp nhỏ và vừa gặp khó khăn về vốn, đơn hàng và nguồn lao động có tay nghề.",
    "Công tác {topic} có nhiều chuyển biến rõ nét, việc giải quyết thủ tục cho người dân và doanh "
    "nghiệp ngày càng nhanh gọn, công khai, minh bạch hơn so với trước.",
    "Các cấp ủy, tổ chức đảng trong Đảng bộ huyện {district} đã bám sát nghị quyết của cấp trên, cụ "
    "thể hóa bằng các chương trình, kế hoạch phù hợp với điều kiện thực tế của từng địa phương.",
    "Tuy nhiên, tiến độ một số dự án trọng điểm còn chậm so với yêu cầu, công tác {topic} ở một vài "
    "nơi chưa quyết liệt, vai trò của người đứng đầu chưa được phát huy đầy đủ.",
    "Hoạt động của Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội tiếp tục hướng về cơ sở, "
    "phát huy tốt vai trò giám sát, phản biện xã hội và tập hợp đoàn viên, hội viên.",
    "Lĩnh vực văn hóa, xã hội có nhiều khởi sắc, các phong trào thi đua yêu nước được triển khai "
    "sâu rộng, tạo sức lan tỏa mạnh mẽ trong cán bộ, đảng viên và các tầng lớp Nhân dân.",
    "Việc sắp xếp tổ chức bộ máy của hệ thống chính trị được thực hiện đúng lộ trình, bảo đảm hoạt "
    "động thông suốt, không làm gián đoạn việc phục vụ người dân và doanh nghiệp.",
)

DIRECTIONS = (
    "Đồng chí {name} đề nghị {dept} chủ động phối hợp với các địa phương rà soát, tháo gỡ khó khăn, "
    "vướng mắc cho doanh nghiệp, tạo môi trường đầu tư, kinh doanh thuận lợi.",
    "Thời gian tới, các cấp ủy, chính quyền cần tập trung lãnh đạo, chỉ đạo thực hiện quyết liệt các "
    "nhiệm vụ, giải pháp đã đề ra, phấn đấu hoàn thành ở mức cao nhất các mục tiêu năm {year}.",
    "Huyện {district} cần tiếp tục đẩy mạnh {topic}, nâng cao chất lượng nguồn nhân lực, quan tâm "
    "chăm lo đời sống của người có công và các hộ gia đình có hoàn cảnh khó khăn.",
    "Đồng chí yêu cầu các sở, ngành, địa phương tăng cường kỷ luật, kỷ cương hành chính, đề cao "
    "trách nhiệm người đứng đầu, kiên quyết xử lý các trường hợp né tránh, đùn đẩy trách nhiệm.",
    "UBND tỉnh {province} giao {dept} chủ trì, phối hợp với các đơn vị liên quan hướng dẫn, kiểm "
    "tra, đôn đốc việc triển khai và định kỳ báo cáo kết quả về Thường trực Tỉnh ủy.",
    "Các địa phương cần làm tốt công tác tuyên truyền, vận động để người dân đồng thuận, ủng hộ chủ "
    "trương {topic}, không để phát sinh điểm nóng, khiếu kiện đông người.",
    "Ban Thường vụ Tỉnh ủy {province} yêu cầu các tổ chức cơ sở đảng chuẩn bị chu đáo nội dung, nhân "
    "sự cho đại hội nhiệm kỳ tới, bảo đảm đúng quy định, dân chủ và đoàn kết.",
    "{dept} được giao nghiên cứu, tham mưu cơ chế, chính sách đặc thù để thu hút nguồn lực xã hội "
    "đầu tư vào hạ tầng giao thông, y tế, giáo dục trên địa bàn tỉnh.",
)

NARRATIVE = (
    "Tại hội nghị, các đại biểu đã nghe báo cáo tóm tắt tình hình thực hiện nhiệm vụ chính trị và "
    "tập trung thảo luận những vấn đề trọng tâm của địa phương.",
    "Các ý kiến phát biểu cơ bản thống nhất với nội dung báo cáo, đồng thời phân tích rõ những tồn "
    "tại, hạn chế và đề xuất nhiều giải pháp khắc phục trong thời gian tới.",
    "Trong chương trình làm việc, đoàn công tác đã đi kiểm tra thực tế tại một số công trình, dự án "
    "đang triển khai trên địa bàn huyện {district}.",
    "Buổi làm việc diễn ra trong không khí dân chủ, thẳng thắn và trách nhiệm.",
    "Thay mặt Thường trực Tỉnh ủy, đồng chí {name}, {post} biểu dương những kết quả mà Đảng bộ, "
    "chính quyền và Nhân dân huyện {district} đạt được trong thời gian qua.",
    "Hội nghị cũng dành nhiều thời gian thảo luận, góp ý vào dự thảo báo cáo chính trị trình đại "
    "hội đại biểu Đảng bộ tỉnh {province} nhiệm kỳ tới.",
    "Dịp này, {dept} đã trao tặng giấy khen cho các tập thể, cá nhân có thành tích xuất sắc trong "
    "phong trào thi đua năm {year}.",
)

CAPTIONS = (
    "Quang cảnh hội nghị.",
    "Đồng chí {name}, {post} phát biểu tại hội nghị.",
    "Các đại biểu dự hội nghị.",
    "Ảnh: {name}",
)

# a line of related-article headlines, run together as some sites' pages are saved
RELATED = (
    "Hội Nông dân tỉnh {province} tổng kết công tác năm {year}",
    "Huyện {district} ra quân làm đường giao thông nông thôn",
    "Tuổi trẻ {province} chung tay xây dựng nông thôn mới",
    "{province} tăng cường kiểm tra an toàn thực phẩm dịp cuối năm",
    "Lãnh đạo tỉnh {province} thăm, tặng quà gia đình chính sách",
    "Khai mạc hội thi cán bộ dân vận khéo huyện {district}",
)
