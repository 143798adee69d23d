"""`new` after a meeting whose minutes record no time and no minute-taker: it copies nothing made up."""

import shutil

from tests.bodies.sites import CITY, PARISH, run


def test_new_after_a_meeting_without_a_time_or_minute_taker_asks_for_them_rather_than_copying(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(PARISH, content)
    code, said = run("new", "--date", "2018-01-09", "--type", "Parish Council Meeting", "--content", str(content))
    assert code == 0, said
    assert "the chair, 1 open action, time left to fill in, venue copied from that meeting." in said
    draft = (content / "meetings/2018-01-09-parish-council.md").read_text(encoding="utf-8")
    assert 'time: "00:00"  # TO DO: the start time, or delete this line if the minutes record none' in draft
    assert (
        "# minute_taker: not recorded in 2017-12-12-parish-council.md; add it (person, role) if these minutes record it"
        in draft
    )
    assert "\nminute_taker:" not in draft


def test_new_writes_a_titles_date_as_the_sites_language_writes_it(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(CITY, content)
    with open(content / "site.yml", "a", encoding="utf-8") as settings:
        settings.write('meeting_types:\n  - name: City Council\n    title: "{type} Regular Meeting {date}"\n')
    code, said = run("new", "--date", "2020-01-21", "--content", str(content))
    assert code == 0, said
    draft = (content / "meetings/2020-01-21-city-council.md").read_text(encoding="utf-8")
    assert "\ntitle: City Council Regular Meeting January 21, 2020\n" in draft
