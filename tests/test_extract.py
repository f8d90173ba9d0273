"""Article-level rules: meetings and roles, dates, agreements with tense, priorities, short forms."""
from __future__ import annotations

from diplograph.extract import extract
from diplograph.reader import read_text


def facts(text: str):
    return extract(read_text(text, "t.txt"))


def test_conference_with_organizer_date_place_and_roles():
    f = facts("date 2022-01\nBộ Công Thương tổng kết năm\n"
              "Sáng 12/1, tại Hà Nội, Bộ Công Thương tổ chức Hội nghị tổng kết công tác năm 2021, triển khai nhiệm vụ năm 2022. "
              "Bộ trưởng Bộ Công Thương Nguyễn Hồng Diên chủ trì hội nghị. "
              "Tham dự hội nghị có Phó Thủ tướng Lê Văn Thành.")
    [m] = f.meetings
    assert m.name.startswith("Hội nghị tổng kết công tác năm 2021")
    assert (m.date, m.place, m.organizer) == ("2022-01-12", "Hà Nội", "Bộ Công Thương")
    roles = {(p.name, p.role) for p in m.participants}
    assert ("Nguyễn Hồng Diên", "chair") in roles and ("Lê Văn Thành", "attendee") in roles


def test_review_held_in_january_is_dated_next_year_without_a_date_line():
    f = facts("Bộ Ngoại giao tổng kết\nNgày 9/1, Bộ Ngoại giao tổ chức Hội nghị tổng kết công tác năm 2018. "
              "Phát biểu khai mạc hội nghị, Thứ trưởng Ngoại giao Lê Hoài Trung nêu rõ kết quả.")
    assert f.meetings[0].date == "2019-01-09"
    assert ("Lê Hoài Trung", "speaker") in {(p.name, p.role) for p in f.meetings[0].participants}


def test_date_without_year_stays_unknown():
    f = facts("Tin thế giới\nChiều 21/6, Ngoại trưởng Pháp Jean Le Drian hội đàm với Ngoại trưởng Đức Heiko Maas.")
    [m] = f.meetings
    assert m.date is None
    assert {p.name for p in m.participants} == {"Jean Le Drian", "Heiko Maas"}


def test_talks_courtesy_call_and_visit_are_separate_meetings():
    f = facts("Thứ trưởng Ngoại giao Tô Anh Dũng thăm Chile\n"
              "Trong thời gian ở thăm, Thứ trưởng Tô Anh Dũng đã chào xã giao Bộ trưởng Ngoại giao Chile Heraldo Munoz, "
              "hội đàm với Thứ trưởng Ngoại giao Edgardo Riveros.")
    kinds = sorted(m.kind for m in f.meetings)
    assert kinds == ["CourtesyCall", "Talks", "Visit"]
    talks = next(m for m in f.meetings if m.kind == "Talks")
    assert {p.name for p in talks.participants} == {"Tô Anh Dũng", "Edgardo Riveros"}
    assert talks.part_of == next(m for m in f.meetings if m.kind == "Visit").key


def test_headline_and_lead_name_one_meeting():
    f = facts("Hội đàm cấp cao Việt - Lào\nChiều 5/8, Thủ tướng Nguyễn Văn Bình hội đàm với Thủ tướng Lào Sonexay Siphandone. "
              "Tại cuộc hội đàm, Thủ tướng Lào Sonexay Siphandone cảm ơn.")
    talks = [m for m in f.meetings if m.kind == "Talks"]
    assert len(talks) == 1


def test_planned_meeting_is_kept_as_planned():
    f = facts("Tin\nTuần tới, Chủ tịch nước Võ Văn Minh sẽ hội đàm với Tổng thống Hàn Quốc Yoon Suk-yeol.")
    assert f.meetings and f.meetings[0].status == "planned"


def test_press_briefing_and_ceremony_are_not_meetings():
    f = facts("Tin\nNgười phát ngôn Bộ Ngoại giao Lê Thị Thu Hằng chủ trì họp báo thường kỳ. Lễ hội hoa diễn ra tại Đà Lạt.")
    assert f.meetings == []


def test_agreement_acronym_and_full_name_are_one_with_tense():
    f = facts("Tin\nHai bên đã ký Hiệp định Thương mại tự do Việt Nam - Israel (VIFTA). Hai nước sẽ ký Hiệp định khuyến khích đầu tư.")
    by = {a.abbreviation or a.name: a for a in f.agreements}
    assert by["VIFTA"].name.startswith("Hiệp định Thương mại tự do Việt Nam - Israel")
    assert by["VIFTA"].tense == "done"
    assert by["Hiệp định khuyến khích đầu tư"].tense == "planned"


def test_generic_agreement_mentions_are_not_agreements():
    f = facts("Tin\nViệt Nam đã ký các hiệp định thương mại tự do và nhiều thỏa thuận hợp tác.")
    assert f.agreements == []


def test_numbered_priorities_with_year_and_setter():
    f = facts("Ba trọng tâm\nBộ trưởng Ngoại giao Hoàng Văn Sơn nêu 3 trọng tâm cho năm 2025.\n"
              "Thứ nhất, đẩy mạnh ngoại giao kinh tế phục vụ phát triển.\nThứ hai, nâng cao hiệu quả công tác bảo hộ công dân.")
    texts = {(p.year, p.text, p.set_by) for p in f.priorities}
    assert (2025, "đẩy mạnh ngoại giao kinh tế phục vụ phát triển", "Hoàng Văn Sơn") in texts
    assert len(f.priorities) == 2


def test_theme_of_the_year():
    f = facts("Chủ đề năm\nBộ trưởng Bộ Ngoại giao Hoàng Văn Sơn phát động chủ đề năm 2024 là: “Hành động quyết liệt, hiệu quả vượt bậc”.")
    assert [(p.year, p.kind) for p in f.priorities] == [(2024, "theme")]


def test_short_forms_resolve_to_the_full_name():
    f = facts("Tin\nBộ trưởng Quốc phòng Mỹ Lloyd Austin cho biết. Theo Bộ trưởng Austin, tình hình căng thẳng.")
    assert [p.name for p in f.people] == ["Lloyd Austin"]


def test_credits_never_become_people():
    f = facts("Tin\nThủ tướng Phạm Văn Đức phát biểu. Ảnh: Nguyễn Hoàng/TTXVN\nTrần Minh")
    names = {p.name for p in f.people}
    assert names == {"Phạm Văn Đức"} and "Nguyễn Hoàng" in f.credits and "Trần Minh" in f.credits


def test_agreement_names_end_before_a_clause_and_generic_ones_are_dropped():
    f = facts("Tin\nHai bên đã ký Thỏa thuận đầu tiên và Bản ghi nhớ hợp tác. "
              "Hai nước nhắc lại Hiệp ước Hữu nghị Việt Nam - Mông Cổ vừa được gia hạn. "
              "Các bên tôn trọng Hiến chương Liên hợp quốc (LHQ) và luật pháp quốc tế.")
    names = {a.name: a.abbreviation for a in f.agreements}
    assert "Hiệp ước Hữu nghị Việt Nam - Mông Cổ" in names
    assert names.get("Hiến chương Liên hợp quốc", "missing") is None
    assert not any(n.startswith(("Thỏa thuận đầu", "Bản ghi nhớ hợp tác")) for n in names)


def test_acronym_inside_a_trigger_is_the_abbreviation():
    f = facts("Tin\nHai bên thúc đẩy phê chuẩn Hiệp định EVFTA trong năm nay.")
    assert [a.abbreviation for a in f.agreements] == ["EVFTA"]


def test_directions_both_sides_set_for_a_year():
    f = facts("Tin\nNăm 2025, hai nước chủ trương triển khai tốt các thỏa thuận cấp cao; tiếp tục củng cố các cơ chế hợp tác, "
              "tăng cường giao lưu nhân dân.")
    assert [(p.year, p.set_by, p.text) for p in f.priorities] == [
        (2025, None, "triển khai tốt các thỏa thuận cấp cao"),
        (2025, None, "tiếp tục củng cố các cơ chế hợp tác"),
        (2025, None, "tăng cường giao lưu nhân dân")]


def test_dates_skip_ranges_of_years_and_read_day_month_text():
    f = facts("date 2023-05\nTin\nTrong nhiệm kỳ 2015-2020, ngày 12 tháng 5, Thủ tướng Lê Văn Khoa hội đàm với Thủ tướng Lào Sonexay Siphandone.")
    assert f.meetings[0].date == "2023-05-12"
