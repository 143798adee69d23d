"""`new` after a meeting whose minutes record no time and no minute-taker: it copies nothing made up."""

import shutil

from tests.bodies.sites import PARISH, run


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
