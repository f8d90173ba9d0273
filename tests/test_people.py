"""People and posts: title chains, titles after the name, group lists, foreign names, traps.

Sentences are written for the tests, not copied from the sample or development articles.
"""
from __future__ import annotations

import pytest

from diplograph.extract.sentence import find_people
from diplograph.lexicon import load


def people(sentence: str) -> dict[str, list[str]]:
    return {m.name: [p.title for p in m.posts] for m in find_people(sentence, load()) if m.posts}


def test_title_chain_before_a_name_gives_one_post_each():
    got = people("Ủy viên Bộ Chính trị, Phó Thủ tướng, Bộ trưởng Bộ Tài chính Trần Văn Hùng đến dự.")
    assert got == {"Trần Văn Hùng": ["Ủy viên Bộ Chính trị", "Phó Thủ tướng", "Bộ trưởng Bộ Tài chính"]}


def test_titles_after_a_comma_or_dash():
    got = people("Đồng chí Lê Văn Nam, Ủy viên Trung ương Đảng, Bộ trưởng Bộ Công an chủ trì hội nghị.")
    assert got == {"Lê Văn Nam": ["Ủy viên Trung ương Đảng", "Bộ trưởng Bộ Công an"]}
    assert people("Ông Đỗ Minh Hải - Bí thư Trung ương Đảng phát biểu.") == {"Đỗ Minh Hải": ["Bí thư Trung ương Đảng"]}


def test_group_list_shares_the_title():
    got = people("Dự có các đồng chí Ủy viên Bộ Chính trị: Ngô Văn An, Trưởng Ban Kinh tế Trung ương; Hồ Thị Lan, Bộ trưởng Bộ Y tế.")
    assert "Ủy viên Bộ Chính trị" in got["Ngô Văn An"] and "Ủy viên Bộ Chính trị" in got["Hồ Thị Lan"]
    assert "Bộ trưởng Bộ Y tế" in got["Hồ Thị Lan"]


def test_short_ministry_form_names_the_ministry():
    m = [m for m in find_people("Bộ trưởng Ngoại giao Đinh Văn Tú tiếp đoàn.", load()) if m.posts][0]
    assert m.posts[0].organization == "Bộ Ngoại giao"


@pytest.mark.parametrize("sentence,name,title", [
    ("Thủ tướng Canada Justin Trudeau hội đàm tại Ottawa.", "Justin Trudeau", "Thủ tướng Canada"),
    ("Bộ trưởng Quốc phòng Pháp Florence Parly cho biết.", "Florence Parly", "Bộ trưởng Quốc phòng Pháp"),
    ("Cố vấn An ninh Quốc gia J.R. Bolton phát biểu.", "J.R. Bolton", "Cố vấn An ninh Quốc gia"),
    ("Ngoại trưởng Iran Mohammad Javad Zarif nói.", "Mohammad Javad Zarif", "Ngoại trưởng Iran"),
    ("Đại sứ Hàn Quốc tại Việt Nam Lee Hyuk gặp báo chí.", "Lee Hyuk", "Đại sứ Hàn Quốc tại Việt Nam"),
    ("Thượng tướng Lý Tác Thành thăm đơn vị.", "Lý Tác Thành", "Thượng tướng"),
    ("Quốc vương Campuchia Norodom Sihamoni tiếp đoàn.", "Norodom Sihamoni", "Quốc vương Campuchia"),
    ("Tổng lãnh sự Mỹ Narva Mark Johnson rời đi.", "Mark Johnson", "Tổng lãnh sự Mỹ Narva"),
])
def test_foreign_actors_and_qualified_titles(sentence, name, title):
    assert title in people(sentence).get(name, [])


def test_qualifiers_stay_in_the_post():
    m = [m for m in find_people("Cựu Bộ trưởng Robert Gates và Quyền Bộ trưởng Tư pháp Sally Yates lên tiếng.", load()) if m.posts]
    quals = {x.name: x.posts[0].qualifier for x in m}
    assert quals == {"Robert Gates": "former", "Sally Yates": "acting"}


def test_places_outlets_and_untitled_names_are_not_people():
    got = people("Tại Hà Nội, hãng tin Tân Hoa Xã và AFP cho biết tỉnh Thái Bình đón đoàn; Đại sứ Mỹ không bình luận.")
    assert got == {}


def test_a_role_at_one_meeting_is_not_a_post():
    got = people("Trưởng đoàn Việt Nam, Thứ trưởng Ngoại giao Phan Văn Lợi phát biểu.")
    assert got == {"Phan Văn Lợi": ["Thứ trưởng Ngoại giao"]}


def test_person_possessor_is_not_part_of_the_post():
    got = people("Một nguồn tin cho biết cố vấn của Trump, Steve Miller, đã rời đi.")
    assert got.get("Steve Miller") == ["cố vấn"]


def test_title_closing_a_clause_is_not_the_next_name_s_post():
    got = people("Ngày ông Lê Văn Tám nhậm chức Bộ trưởng Quốc phòng, Tổng thống Joe Biden ký sắc lệnh.")
    assert got.get("Joe Biden") == ["Tổng thống"]


def test_apposition_after_a_clause_boundary_keeps_its_title():
    got = people("Trước đó, Đại sứ Nhật Bản tại Ấn Độ, Kenji Hiramatsu cho biết.")
    assert got.get("Kenji Hiramatsu") == ["Đại sứ Nhật Bản tại Ấn Độ"]


def test_list_of_unnamed_office_holders_does_not_chain_onto_a_name():
    got = people("Dự có Phó Tổng thống Indonesia, Phó Thủ tướng Thái Lan, Cựu Thủ tướng Singapore Lý Hiển Văn.")
    assert got.get("Lý Hiển Văn") == ["Cựu Thủ tướng Singapore"]


@pytest.mark.parametrize("sentence,name", [
    ("Bí thư Thành ủy Hà Nội Đinh Tiến Dũng tiếp đoàn.", "Đinh Tiến Dũng"),
    ("Bộ trưởng Công Thương Trần Tuấn Anh ký kết.", "Trần Tuấn Anh"),
    ("Chủ tịch nước Cu Ba Miguel Diaz-Canel thăm Hà Nội.", "Miguel Diaz-Canel"),
])
def test_places_and_ministries_are_stripped_from_the_front_of_a_name(sentence, name):
    assert name in people(sentence)


@pytest.mark.parametrize("sentence", [
    "Giám đốc Chiến lược tại RBC Capital Markets cho biết.",
    "Tổng Giám đốc Tesla Inc cho biết giá sẽ tăng.",
])
def test_companies_after_a_title_are_not_people(sentence):
    from diplograph.extract import extract
    from diplograph.reader import read_text

    assert extract(read_text("Tin kinh tế\n" + sentence)).people == []


def test_kiem_joins_two_posts():
    got = people("Chủ tịch Quốc hội kiêm Chủ tịch Thượng viện Myanmar Win Myint phát biểu.")
    assert got.get("Win Myint") == ["Chủ tịch Quốc hội", "Chủ tịch Thượng viện Myanmar"]
    got = people("Ông Lê Văn Sáu, Bí thư Tỉnh ủy kiêm Chủ tịch HĐND tỉnh, dự họp.")
    assert got.get("Lê Văn Sáu") == ["Bí thư Tỉnh ủy", "Chủ tịch HĐND tỉnh"]


def test_spokesperson_of_an_office_holder_keeps_the_whole_post():
    got = people("Cùng ngày, người phát ngôn của Thủ tướng Đức, ông Steffen Seibert cho biết.")
    assert got.get("Steffen Seibert") == ["người phát ngôn của Thủ tướng Đức"]


def test_three_part_foreign_names_are_kept_whole():
    assert "Chester Alan Arthur" in people("Cựu Tổng thống Mỹ Chester Alan Arthur ký đạo luật.")
    assert "Dmitry Kazennov" in people("Tổng lãnh sự Nga tại Narva Dmitry Kazennov bị trục xuất.")


def test_appointment_after_a_title_is_a_post_too():
    got = people("Chủ tịch nước trao Quyết định bổ nhiệm ông Lê Minh Khôi, Phó Tổng Giám đốc TTXVN làm Đại sứ Việt Nam tại Chile.")
    assert got.get("Lê Minh Khôi") == ["Phó Tổng Giám đốc TTXVN", "Đại sứ Việt Nam tại Chile"]


def test_in_charge_of_stays_in_the_post_and_regions_are_not_names():
    got = people("Ông Stuart Jones, quyền Trợ lý Ngoại trưởng Mỹ phụ trách Đông Á, cho biết.")
    assert got.get("Stuart Jones") == ["quyền Trợ lý Ngoại trưởng Mỹ phụ trách Đông Á"]
    got = people("Vụ trưởng Vụ Bắc Mỹ Bộ Ngoại giao Triều Tiên Choe Son-hui nói.")
    assert list(got) == ["Choe Son-hui"]
