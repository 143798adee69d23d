"""Whole records made of generated fields (the next meeting, an action, a theme): any combination is
refused by `check` with a located message, or published in every output."""

from hypothesis import given
from hypothesis import strategies as st

from tests.properties.published import APRIL, BOUNDED, MAY, dates, outcome, quoted, slugs, small, texts, times

NEXT = (
    'next_meeting:\n  date: 2019-05-28\n  time: "10:00"\n  type: Performance\n  venue: Room 1.38\n'
    "  as_minuted: Performance, Tuesday 28 May 2019, 10:00am Room 1.38\n"
)


def block(key: str, fields: dict[str, str], indent: str = "  ") -> str:
    return (
        f"{key}:\n" + "".join(f"{indent}{name}: {quoted(value)}\n" for name, value in fields.items())
        if fields
        else f"{key}: {{}}\n"
    )


@BOUNDED
@given(
    st.fixed_dictionaries(
        {}, optional={"date": dates, "time": times, "type": texts, "venue": texts, "as_minuted": texts}
    )
)
def test_the_next_meeting(fields):
    outcome(small().replace(APRIL, NEXT, block("next_meeting", fields)))


@BOUNDED
@given(
    st.fixed_dictionaries(
        {"id": slugs, "text": texts},
        optional={
            "item": st.sampled_from(["2.1", "1.1", "3"]) | texts,
            "owner": st.sampled_from(["amanda-blakeman", "nobody"]) | texts,
            "status": st.sampled_from(["open", "completed", "in-progress", "closed", "Open"]) | texts,
            "due": dates,
        },
    )
)
def test_an_action_raised_at_the_second_meeting(fields):
    entry = "actions:\n  - " + "\n    ".join(f"{name}: {quoted(value)}" for name, value in fields.items()) + "\n"
    outcome(small().replace(MAY, "action_updates:", entry + "action_updates:"))


@BOUNDED
@given(st.lists(st.tuples(slugs, texts, texts), min_size=1, max_size=3))
def test_themes_and_an_item_on_each(themes):
    listed = "".join(
        f"- slug: {quoted(slug)}\n  name: {quoted(name)}\n  description: {quoted(about)}\n"
        for slug, name, about in themes
    )
    archive = small().replace("themes.yml", small().files["themes.yml"], listed)
    used = ", ".join(quoted(slug) for slug, _, _ in themes)
    outcome(
        archive.replace(APRIL, "    themes: [roads-policing]", f"    themes: [{used}]").replace(
            MAY, "    themes: [public-confidence]", "    themes: []"
        )
    )
