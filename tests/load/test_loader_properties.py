"""Whatever an editor saves, the loader answers with a model or clear errors, never a crash."""

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from minutebook.content.load import SourceFile, parse_content
from minutebook.model import Content, ContentError
from tests.conftest import FIXTURES

REFERENCE = [
    SourceFile.of_text(f"content/{p.name}", p.read_text(encoding="utf-8"))
    for p in sorted((FIXTURES / "small").glob("*.yml"))
]
FIELDS = [
    "title",
    "date",
    "time",
    "type",
    "venue",
    "chair",
    "minute_taker",
    "attendees",
    "apologies",
    "agenda",
    "actions",
    "action_updates",
    "next_meeting",
    "source",
    "editorial_notes",
    "atendees",
]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=30),
    st.sampled_from(["2019-04-30", "2019-13-45", "30/04/2019", "10:00", "25:99", "john-campion", "../x", "a b", "2.1"]),
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(FIELDS + ["number", "person", "role", "id", "item", "status", "text"]), inner, max_size=5
        )
    ),
    max_leaves=20,
)
front_matter = st.dictionaries(st.sampled_from(FIELDS), values, max_size=12)
bodies = st.one_of(
    st.text(max_size=200),
    st.lists(st.sampled_from(["## 1 Item", "## 2.1 Roads", "### Sub", "```", "text", "- list", ""]), max_size=8).map(
        "\n".join
    ),
)


def outcome(text: str):
    content, errors = parse_content(
        REFERENCE + [SourceFile.of_text("content/meetings/2019-04-30-monthly-assurance.md", text)]
    )
    assert isinstance(content, Content)
    assert all(isinstance(e, ContentError) and e.path and str(e) for e in errors)
    return content, errors


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(front_matter, bodies)
def test_generated_meetings_load_or_fail_clearly(data, body):
    outcome("---\n" + yaml.safe_dump(data, allow_unicode=True) + "---\n" + body)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_arbitrary_text_loads_or_fails_clearly(text):
    outcome(text)
    outcome("---\n" + text + "\n---\n")
