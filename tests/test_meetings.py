"""Meeting kinds of real diplomacy coverage, each on sentences written for the test.

Talks, calls, courtesy calls, receptions, visits, sessions, forums, summits, co-chairs; a meeting held
during a visit is its own node linked to the visit; briefings and ceremonies are not meetings.
"""
from __future__ import annotations

import pytest

from diplograph.extract import extract
from diplograph.facts import ArticleFacts
from diplograph.lexicon import place_key
from diplograph.mapper import to_graph
from diplograph.reader import read_text


def facts(body: str, head: str = "Tin đối ngoại", source: str = "t.txt") -> ArticleFacts:
    return extract(read_text(f"{head}\n{body}", source))


def parties(m) -> set[str]:
    return {p.name for p in m.participants}


@pytest.mark.parametrize("verb,kind", [
    ("hội kiến", "CourtesyCall"), ("yết kiến", "CourtesyCall"), ("chào xã giao", "CourtesyCall"),
    ("hội đàm với", "Talks"), ("điện đàm với", "PhoneCall"), ("gặp", "Meeting"), ("tiếp", "Reception"),
])
def test_bilateral_kinds_give_both_parties(verb, kind):
    f = facts(f"Chiều qua, Phó Thủ tướng Trần Quốc Bảo đã {verb} Tổng thống Chile Gabriel Boric.")
    [m] = f.meetings
    assert m.kind == kind
    assert parties(m) == {"Trần Quốc Bảo", "Gabriel Boric"}
    assert "Trần Quốc Bảo" in m.name and "Gabriel Boric" in m.name


def test_reception_of_a_group_keeps_the_host():
    f = facts("Ngày 3/4, Chủ tịch Quốc hội Vương Đình Lộc đã tiếp thân mật các Đại sứ, Tổng Lãnh sự Việt Nam ở nước ngoài.")
    [m] = f.meetings
    assert m.kind == "Reception" and parties(m) == {"Vương Đình Lộc"}
    assert "tiếp thân mật các Đại sứ" in m.name


def test_state_visit_with_destination_and_visitor():
    f = facts("Tổng Bí thư Lương Văn Cường đã đến Viêng Chăn, bắt đầu chuyến thăm cấp nhà nước Lào.",
              head="Tổng Bí thư Lương Văn Cường thăm cấp nhà nước Lào")
    visits = [m for m in f.meetings if m.kind == "Visit"]
    assert len(visits) == 1
    assert visits[0].place == "Lào" and parties(visits[0]) == {"Lương Văn Cường"}


def test_visit_led_delegation_and_meeting_during_it():
    f = facts("Đoàn Bộ Ngoại giao do Thứ trưởng Ngoại giao Mai Thế Vinh dẫn đầu đã thăm Argentina. "
              "Trong thời gian ở thăm, Thứ trưởng Mai Thế Vinh đã hội kiến Ngoại trưởng Argentina Diana Mondino.")
    visit = next(m for m in f.meetings if m.kind == "Visit")
    call = next(m for m in f.meetings if m.kind == "CourtesyCall")
    assert visit.place == "Argentina" and "Mai Thế Vinh" in parties(visit)
    assert call.part_of == visit.key
    g = to_graph([f])
    assert len(list(g.triples((None, None, None)))) > 0
    linked = g.query("PREFIX dg: <https://w3id.org/diplograph/ontology#> ASK { ?c a dg:CourtesyCall ; dg:partOf ?v . ?v a dg:Visit }")
    assert linked.askAnswer


def test_session_forum_and_summit_are_named_meetings():
    f = facts("Tổng thống Kazakhstan Kassym-Jomart Tokayev phát biểu tại Diễn đàn Kinh tế Á - Âu lần thứ 5 ở Moskva. "
              "Chủ tịch Quốc hội Vương Đình Lộc khai mạc Kỳ họp thứ 8 Quốc hội khóa XV. "
              "Thủ tướng Lê Văn Khoa dự Hội nghị Cấp cao ASEAN lần thứ 44.")
    kinds = {m.kind: m for m in f.meetings}
    assert {"Forum", "Session", "Summit"} <= set(kinds)
    assert ("Kassym-Jomart Tokayev", "speaker") in {(p.name, p.role) for p in kinds["Forum"].participants}
    assert kinds["Forum"].place == "Moskva"
    assert "Vương Đình Lộc" in parties(kinds["Session"]) and "Lê Văn Khoa" in parties(kinds["Summit"])


def test_co_chairs_are_chairs():
    f = facts("Hội nghị Bộ trưởng Ngoại giao Mekong - Lan Thương lần thứ 9 diễn ra dưới sự đồng chủ trì của "
              "Bộ trưởng Ngoại giao Hà Văn Tâm và Bộ trưởng Ngoại giao Trung Quốc Vương Nghị.")
    [m] = f.meetings
    chairs = {p.name for p in m.participants if p.role == "chair"}
    assert chairs == {"Hà Văn Tâm", "Vương Nghị"}


def test_headline_lead_and_anaphora_are_one_meeting():
    f = facts("Chiều 12/9, Thủ tướng Đỗ Văn An hội đàm với Thủ tướng Hungary Viktor Orban. "
              "Tại cuộc hội đàm, Thủ tướng Viktor Orban cảm ơn. Cuộc hội đàm diễn ra trong không khí hữu nghị.",
              head="Hội đàm cấp cao Việt Nam - Hungary")
    assert len([m for m in f.meetings if m.kind == "Talks"]) == 1


def test_planned_visit_is_planned():
    f = facts("Theo kế hoạch, Tổng thống Pháp Emmanuel Macron sẽ thăm chính thức Việt Nam vào tháng tới.")
    [m] = f.meetings
    assert m.kind == "Visit" and m.status == "planned"


def test_history_is_not_a_current_meeting():
    f = facts("Quan hệ hai nước được nâng lên sau chuyến thăm năm 2009 của Chủ tịch nước Lê Đức Hòa tới Tây Ban Nha.")
    assert f.meetings == []


@pytest.mark.parametrize("sentence", [
    "Người phát ngôn Bộ Ngoại giao Phạm Thu Trang trả lời tại họp báo thường kỳ chiều nay.",
    "Lễ hội văn hóa Việt Nam khai mạc tại Paris với sự tham dự của Đại sứ Đinh Toàn Thắng.",
    "Hai nước sẵn sàng đàm phán với Mỹ về vấn đề này, Ngoại trưởng Nga Sergei Lavrov nói.",
])
def test_briefings_ceremonies_and_wishes_are_not_meetings(sentence):
    assert facts(sentence).meetings == []


def test_date_with_year_in_a_range_and_unknown_year():
    f = facts("Chiều 3/7, Chủ tịch Quốc hội Lào Xaysomphone Phomvihane tới Hà Nội, bắt đầu chuyến thăm Việt Nam từ ngày 3-8/7/2023.")
    assert f.meetings[0].date == "2023-07-03"
    g = facts("Chiều 3/7, Chủ tịch Quốc hội Lào Xaysomphone Phomvihane tới Hà Nội, bắt đầu chuyến thăm Việt Nam.")
    assert g.meetings[0].date is None


def test_capitals_outlets_and_unnamed_office_holders_are_not_people():
    f = facts("Washington và Bắc Kinh bất đồng, hãng tin AFP và Itar Tass cho biết; Đại sứ Mỹ không bình luận. "
              "Ngoại trưởng Mỹ Antony Blinken sẽ tới Bắc Kinh.")
    assert {p.name for p in f.people} == {"Antony Blinken"}


def test_initial_and_full_name_are_one_person_across_articles():
    a = facts("Chủ tịch nước Lê Minh Tâm gửi điện mừng tới ngài V. Zelensky, Tổng thống Ukraine.", source="a.txt")
    b = facts("Tổng thống Ukraine Volodymyr Zelensky phát biểu tại Kiev.", source="b.txt")
    g = to_graph([a, b])
    names = {str(o) for o in g.objects(None, __import__("rdflib").URIRef("https://schema.org/name"))
             if "Zelensky" in str(o)}
    assert names == {"Volodymyr Zelensky"}


def test_surname_alone_resolves_to_the_full_name_of_another_article():
    a = facts("Tổng thống Pháp Emmanuel Macron hội đàm với Thủ tướng Ý Giorgia Meloni.", source="a.txt")
    b = facts("Theo Tổng thống Macron, châu Âu cần đoàn kết.", source="b.txt")
    g = to_graph([a, b])
    q = g.query("""PREFIX dg: <https://w3id.org/diplograph/ontology#> PREFIX schema: <https://schema.org/>
        SELECT DISTINCT ?n WHERE { ?h dg:holder ?p . ?p schema:name ?n }""")
    assert "Macron" not in {str(r[0]) for r in q}


def test_meeting_noun_phrase_is_named_from_its_parties_and_building_is_a_place():
    f = facts("Ngày 5/3, Tổng thống Mỹ Joe Biden đã có cuộc gặp với Thủ tướng Nhật Bản Fumio Kishida tại Nhà Trắng.")
    [m] = f.meetings
    assert m.name == "Cuộc gặp Joe Biden – Fumio Kishida"
    assert m.place == "Nhà Trắng"


def test_delegation_leader_with_titles_and_transliteration_is_the_visitor():
    f = facts("Đoàn đại biểu Quốc hội Cu-ba do đồng chí Hoan Ết-xtê-ban La-xô (Juan Esteban Lazo), Chủ tịch Quốc hội Cu-ba, "
              "dẫn đầu thăm chính thức Việt Nam từ ngày 11 đến 18-6. Chủ tịch nước Lê Văn Hùng tiếp đồng chí Hoan Ết-xtê-ban La-xô.")
    visit = next(m for m in f.meetings if m.kind == "Visit")
    assert parties(visit) == {"Hoan Ết-xtê-ban La-xô"} and visit.place == "Việt Nam"
    reception = next(m for m in f.meetings if m.kind == "Reception")
    assert parties(reception) == {"Lê Văn Hùng", "Hoan Ết-xtê-ban La-xô"}
    assert [x.title for p in f.people if p.name == "Hoan Ết-xtê-ban La-xô" for x in p.posts] == ["Chủ tịch Quốc hội Cu-ba"]


def test_generic_forum_mention_is_not_a_forum():
    f = facts("Bộ trưởng Ngoại giao Lê Văn Nam phát biểu tại các diễn đàn đa phương.")
    assert f.meetings == []


def test_place_is_the_one_right_after_tai():
    f = facts("Thủ tướng Lê Văn Khoa gặp cộng đồng người Việt Nam tại Hoa Kỳ và hội đàm với Tổng thống Mỹ Joe Biden tại Nhà Trắng.")
    talks = next(m for m in f.meetings if m.kind == "Talks")
    assert talks.place == "Nhà Trắng"
    g = facts("Sáng 5/7 tại Bangkok, Thái Lan đã diễn ra Hội nghị Quan chức cao cấp ASEAN với sự tham dự của Thứ trưởng Ngoại giao Đỗ Hùng Việt.")
    assert g.meetings[0].place == "Bangkok"


def test_both_parties_before_the_kind_word_and_a_title_reference_after_it():
    f = facts("Chủ tịch nước Lê Văn Hùng và Tổng bí thư - Chủ tịch Tập Cận Bình đã tiến hành hội đàm tại Bắc Kinh.")
    [m] = f.meetings
    assert parties(m) == {"Lê Văn Hùng", "Tập Cận Bình"} and m.place == "Bắc Kinh"
    g = facts("Tổng thống Mỹ Joe Biden mời Thủ tướng Lê Văn Khoa. Thủ tướng Lê Văn Khoa sẽ hội đàm với tổng thống Mỹ.")
    talks = next(m for m in g.meetings if m.kind == "Talks")
    assert parties(talks) == {"Joe Biden", "Lê Văn Khoa"} and talks.status == "planned"


def test_reception_with_a_time_between_host_and_verb_and_an_org_title_reference():
    f = facts("Chủ tịch nước Lê Văn Hùng chiều 11-5 đã tiếp Phó Chủ tịch Chính hiệp Trung Quốc Vương Gia Thụy. "
              "Tổng thư ký LHQ Antonio Guterres mời Thủ tướng Lê Văn Khoa. Thủ tướng Lê Văn Khoa sẽ hội kiến với tổng thư ký LHQ.")
    kinds = {m.kind: parties(m) for m in f.meetings}
    assert kinds["Reception"] == {"Lê Văn Hùng", "Vương Gia Thụy"}
    assert kinds["CourtesyCall"] == {"Lê Văn Khoa", "Antonio Guterres"}


def test_inviter_is_not_the_visitor_and_possessive_title_is_not_a_chain():
    f = facts("Chiều 26/6, Chủ tịch nước Lê Văn Hùng và Đoàn đại biểu cấp cao Việt Nam đã tới Minsk, bắt đầu chuyến thăm "
              "chính thức Belarus theo lời mời của Tổng thống Alexander Lukashenko.")
    visit = next(m for m in f.meetings if m.kind == "Visit")
    assert parties(visit) == {"Lê Văn Hùng"}
    g = facts("Đồng ý với đề xuất của Chủ tịch Thượng viện Haiti Youri Latortue, Chủ tịch Quốc hội Vương Đình Lộc cho rằng cần hợp tác.")
    assert {x.title for p in g.people if p.name == "Vương Đình Lộc" for x in p.posts} == {"Chủ tịch Quốc hội"}


def test_host_who_invited_is_not_the_visitor():
    f = facts("Nhận lời mời của Chủ tịch Quốc hội Vương Đình Lộc, Đoàn đại biểu Quốc hội Campuchia đã tới Hà Nội, "
              "bắt đầu chuyến thăm chính thức Việt Nam.")
    assert not any(m.kind == "Visit" and "Vương Đình Lộc" in parties(m) for m in f.meetings)


def test_delegation_leader_before_the_visit_and_invitation_title_is_not_a_visitor():
    f = facts("Thủ tướng Lê Văn Khoa dẫn đầu Đoàn đại biểu cấp cao Việt Nam thăm chính thức Hoa Kỳ theo lời mời của "
              "Tổng thống Hoa Kỳ Joe Biden.")
    [visit] = [m for m in f.meetings if m.kind == "Visit"]
    assert parties(visit) == {"Lê Văn Khoa"} and visit.place == "Hoa Kỳ"  # as written (the graph links it to Mỹ)
    assert place_key(visit.place) == "Mỹ"


def test_one_visitor_s_trips_to_different_places_stay_apart():
    from diplograph.resolve import resolve

    a = facts("Tổng thống Mỹ Joe Biden thăm chính thức Israel.", source="a.txt")
    b = facts("Tổng thống Mỹ Joe Biden thăm Ba Lan.", source="b.txt")
    c = facts("Chuyến thăm của Tổng thống Mỹ Joe Biden được chú ý.", source="c.txt")
    res = resolve([a, b, c])
    assert len(set(res.meeting_key.values())) == len(res.meeting_key)


def test_meetings_of_a_series_are_told_apart_by_their_ordinal():
    f = facts("Sáng nay, Hội nghị lần thứ hai các quan chức cao cấp APEC đã khai mạc. Phát biểu khai mạc, Thứ trưởng Ngoại giao "
              "Bùi Văn Sơn nhấn mạnh kết quả từ sau Hội nghị lần thứ nhất các quan chức cao cấp APEC tại Nha Trang.")
    named = [m for m in f.meetings if "lần thứ hai" in m.name]
    assert len(named) == 1 and named[0].place is None
    assert ("Bùi Văn Sơn", "speaker") in {(p.name, p.role) for p in named[0].participants}


def test_a_name_ending_like_a_compound_word_does_not_hide_the_meeting():
    f = facts("Bộ trưởng Ngoại giao Đỗ Thị Luân tiếp Đại sứ Nhật Bản Yamada Takio.")
    assert [m.kind for m in f.meetings] == ["Reception"]
