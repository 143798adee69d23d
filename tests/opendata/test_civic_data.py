"""data/ocd-events.json and data/popolo.json: the meetings as Open Civic Data events, and the body, its people,
their memberships, the motions and the votes in Popolo; valid against schemas written from the two
specifications (tests/opendata/schemas/), with every decision and vote the minutes record in them once."""

from __future__ import annotations

import json
import posixpath
import shutil
from collections import Counter
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from minutebook.outputs.civicdata import EVENT_FIELDS, OCD_EVENTS, POPOLO, POPOLO_FIELDS
from tests.bodies.sites import CITY, PANEL, PARISH, build, text
from tests.conftest import FIXTURES, PUBLIC_ADDRESS, ROOT, build_site

SCHEMAS = Path(__file__).parent / "schemas"
SMALL = FIXTURES / "small"  # two types of meeting: a monthly assurance meeting and a performance meeting
STATUS = FIXTURES / "status"  # a cancelled meeting
ARCHIVES = {"city council": CITY, "parish": PARISH, "panel": PANEL, "small": SMALL, "status": STATUS}
OPTIONS = {"for": "yes", "against": "no", "abstain": "abstain", "absent": "absent"}


def validator(name: str) -> Draft202012Validator:
    schemas = [json.loads(path.read_text("utf-8")) for path in SCHEMAS.glob("*.json")]
    registry = Registry().with_resources((s["$id"], Resource.from_contents(s)) for s in schemas)
    schema = json.loads((SCHEMAS / name).read_text("utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, registry=registry)


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> dict[str, Path]:
    return {name: build(content, tmp_path_factory.mktemp("civic") / "site") for name, content in ARCHIVES.items()}


def events(site: Path) -> list[dict]:
    return json.loads((site / OCD_EVENTS).read_text("utf-8"))["events"]


def popolo(site: Path) -> dict:
    return json.loads((site / POPOLO).read_text("utf-8"))


def minuted(content: Path) -> list[tuple[str, dict]]:
    """Each meeting's id and its front matter, read straight from the meeting files."""
    found = []
    for path in sorted((content / "meetings").glob("*.md")):
        front = path.read_text("utf-8").split("---\n")[1]
        found.append((path.stem, yaml.safe_load(front)))
    return found


@pytest.mark.parametrize("archive", ARCHIVES)
def test_the_events_file_is_valid_open_civic_data(sites, archive):
    errors = list(validator("ocd-events.json").iter_errors(json.loads((sites[archive] / OCD_EVENTS).read_text())))
    assert errors == [], [e.message for e in errors]


@pytest.mark.parametrize("archive", ARCHIVES)
def test_the_popolo_file_is_valid_popolo(sites, archive):
    errors = list(validator("popolo.json").iter_errors(popolo(sites[archive])))
    assert errors == [], [e.message for e in errors]


def test_a_schema_refuses_what_the_specification_does_not_allow(sites):
    vote_events = popolo(sites["city council"])["vote_events"]
    wrong = dict(vote_events[0], counts=[{"option": "for", "value": 5}])
    assert not validator("popolo-vote-event.json").is_valid(wrong)
    event = dict(events(sites["city council"])[0], status="approved")
    assert not validator("ocd-event.json").is_valid(event)


def test_the_event_schema_refuses_shapes_open_civic_data_does_not_write(sites):
    june = next(e for e in events(sites["city council"]) if e["extras"]["meeting_id"] == "2019-06-18-city-council")
    schema = validator("ocd-event.json")
    assert schema.is_valid(june)
    host, *people = june["participants"]
    renamed = {k if k != "id" else "entity_id": v for k, v in host.items()}
    assert not schema.is_valid(dict(june, participants=[renamed, *people]))
    flat = {"note": "Agenda", "url": "agenda.pdf", "media_type": "application/pdf"}
    assert not schema.is_valid(dict(june, documents=[flat]))
    item = next(i for i in june["agenda"] if i["related_entities"])
    motion = dict(item["related_entities"][0], entity_type="motion", id="ocd-motion/x")
    assert not schema.is_valid(dict(june, agenda=[dict(item, related_entities=[motion])]))
    assert not schema.is_valid(dict(june, agenda=[dict(item, order=5)]))


@pytest.mark.parametrize("archive", ARCHIVES)
def test_there_is_one_event_per_meeting_file_in_the_order_held(sites, archive):
    assert [e["extras"]["meeting_id"] for e in events(sites[archive])] == [m for m, _ in minuted(ARCHIVES[archive])]


@pytest.mark.parametrize("archive", ["city council", "parish"])
def test_every_decision_minuted_is_one_motion(sites, archive):
    from_content = [
        (m, n) for m, front in minuted(ARCHIVES[archive]) for n, _ in enumerate(front.get("decisions") or [], 1)
    ]
    motions = popolo(sites[archive])["motions"]
    from_file = [
        tuple(s["url"].removeprefix("../meetings/").split("/#decision-"))
        for s in sum((m["sources"] for m in motions), [])
    ]
    assert from_content and Counter((m, int(n)) for m, n in from_file) == Counter(from_content)


def _person_slugs(site: Path) -> dict[str, str]:
    return {p["id"]: p["identifiers"][0]["identifier"] for p in popolo(site)["persons"]}


@pytest.mark.parametrize("archive", ["city council", "parish", "panel"])
def test_every_vote_minuted_is_in_its_vote_event_once(sites, archive):
    from_content = Counter(
        (m, n, v["person"], OPTIONS[v["vote"]])
        for m, front in minuted(ARCHIVES[archive])
        for n, decision in enumerate(front.get("decisions") or [], 1)
        for v in decision.get("votes") or []
    )
    slugs = _person_slugs(sites[archive])
    from_file = Counter()
    for vote_event in popolo(sites[archive])["vote_events"]:
        meeting, n = vote_event["sources"][0]["url"].removeprefix("../meetings/").split("/#decision-")
        from_file.update((meeting, int(n), slugs[v["voter_id"]], v["option"]) for v in vote_event["votes"])
    assert from_file == from_content


def test_the_city_councils_roll_calls_are_counted(sites):
    assert sum(len(v["votes"]) for v in popolo(sites["city council"])["vote_events"]) > 0


def test_each_vote_event_belongs_to_one_motion_and_each_motion_put_to_a_vote_has_one(sites):
    data = popolo(sites["parish"])
    voted_on = Counter(v["motion_id"] for v in data["vote_events"])
    assert set(voted_on) <= {m["id"] for m in data["motions"]} and set(voted_on.values()) == {1}
    assert {m["id"] for m in data["motions"] if m["result"] in ("carried", "lost")} <= set(voted_on)


def test_a_motion_names_its_mover_as_creator_and_its_seconder(sites):
    data = popolo(sites["city council"])
    slugs = _person_slugs(sites["city council"])
    resolution = next(m for m in data["motions"] if m["identifier"] == "Resolution 2019-14")
    assert (slugs[resolution["creator_id"]], slugs[resolution["seconder_id"]]) == ("teresa-boyd", "samuel-price")
    assert (resolution["classification"], resolution["result"]) == ("resolution", "carried")
    assert resolution["text"] == "To adopt Resolution 2019-14 approving the TIP."


def test_a_vote_events_counts_are_the_numbers_minuted(sites):
    parish = popolo(sites["parish"])["vote_events"]
    assert {"yes": 2, "no": 0, "abstain": 1} in [{c["option"]: c["value"] for c in v["counts"]} for v in parish]


def test_a_roll_call_gives_each_members_vote_and_counts_the_absent(sites):
    data = popolo(sites["city council"])
    slugs = _person_slugs(sites["city council"])
    resolution = next(m for m in data["motions"] if m["identifier"] == "Resolution 2019-14")
    vote_event = next(v for v in data["vote_events"] if v["motion_id"] == resolution["id"])
    assert vote_event["result"] == "pass"
    assert {c["option"]: c["value"] for c in vote_event["counts"]} == {"yes": 5, "no": 0, "absent": 1}
    assert {"voter_id": next(i for i, s in slugs.items() if s == "martin-yoder"), "option": "absent"} in vote_event[
        "votes"
    ]


def test_a_meeting_starts_at_its_minuted_time_with_its_time_zones_offset_that_day(sites):
    by_id = {e["extras"]["meeting_id"]: e for e in events(sites["city council"])}
    assert by_id["2019-06-18-city-council"]["start_date"] == "2019-06-18T19:00:00-07:00"
    assert by_id["2020-01-07-city-council"]["start_date"] == "2020-01-07T19:00:00-08:00"
    assert by_id["2020-01-07-city-council"]["timezone"] == "America/Los_Angeles"


def test_a_cancelled_meeting_is_a_cancelled_event_and_one_held_has_passed(sites):
    statuses = {e["extras"]["meeting_id"]: e["status"] for e in events(sites["status"])}
    assert statuses["2019-06-25-monthly-assurance"] == "cancelled"
    assert statuses["2019-04-30-monthly-assurance"] == "passed"


def test_an_agenda_item_names_the_vote_event_of_each_decision_put_to_a_vote_under_it(sites):
    june = next(e for e in events(sites["city council"]) if e["extras"]["meeting_id"] == "2019-06-18-city-council")
    item = next(i for i in june["agenda"] if i["number"] == "A")
    data = popolo(sites["city council"])
    resolution = next(m for m in data["motions"] if m["identifier"] == "Resolution 2019-14")
    vote_event = next(v for v in data["vote_events"] if v["motion_id"] == resolution["id"])
    assert item["related_entities"] == [
        {"name": "Resolution 2019-14", "entity_type": "vote_event", "id": vote_event["id"], "note": "carried"}
    ]
    assert (item["description"], item["subjects"]) == (
        "Six-Year Transportation Improvement Program, 2020-2025",
        ["Streets"],
    )


def test_a_decision_not_put_to_a_vote_is_a_motion_but_no_agenda_items_related_entity(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(PARISH, content)
    november = content / "meetings/2017-11-14-parish-council.md"
    minutes = november.read_text("utf-8")
    carried = "were approved and signed as a true record.\n    result: carried\n"
    assert carried in minutes
    november.write_text(minutes.replace(carried, carried.replace("carried", "deferred")), "utf-8")
    site = build(content, tmp_path / "site")
    data = popolo(site)
    [deferred] = [m for m in data["motions"] if m["result"] == "deferred"]
    assert deferred["id"] not in {v["motion_id"] for v in data["vote_events"]}
    related = [r["id"] for e in events(site) for i in e["agenda"] for r in i["related_entities"]]
    assert sorted(related) == sorted(v["id"] for v in data["vote_events"])


def test_agenda_items_are_ordered_from_0_as_open_civic_datas_tools_count(sites):
    june = next(e for e in events(sites["city council"]) if e["extras"]["meeting_id"] == "2019-06-18-city-council")
    assert [i["order"] for i in june["agenda"]] == [str(n) for n in range(len(june["agenda"]))]


def test_participants_are_the_host_the_chair_and_everyone_listed_with_their_role(sites):
    june = next(e for e in events(sites["city council"]) if e["extras"]["meeting_id"] == "2019-06-18-city-council")
    people = [(p["name"], p["note"], p.get("role")) for p in june["participants"]]
    assert people[0] == ("City of Fernhollow", "host", None)
    assert ("Dana Whitcomb", "chair", "Mayor") in people and ("Dana Whitcomb", "present", "Mayor") in people
    assert ("Martin Yoder", "apologies", "Councilmember") in people
    assert ("Janet Alvarez", "minute taker", "City Clerk") in people


def test_an_event_lists_the_minutes_page_the_papers_and_the_recording(sites):
    september = events(sites["panel"])[0]
    front = minuted(PANEL)[0][1]
    [minutes_page] = september["documents"][0]["links"]
    assert (minutes_page["url"], minutes_page["media_type"]) == (
        "../meetings/" + minuted(PANEL)[0][0] + "/",
        "text/html",
    )
    papers = september["documents"][-len(front["papers"]) :]
    assert [(d["note"], [link["url"] for link in d["links"]]) for d in papers] == [
        (p["title"], [p["url"]] if p.get("url") else []) for p in front["papers"]
    ]
    # told from the address, where it can be
    assert [link["media_type"] for d in papers for link in d["links"]] == ["application/pdf"]
    assert [link["url"] for m in september["media"] for link in m["links"]] == [front["recording"]["url"]]


def test_documents_and_media_take_the_shape_open_civic_datas_tools_write(sites):
    september = events(sites["panel"])[0]
    for entry in september["documents"] + september["media"]:
        assert set(entry) == {"note", "date", "links"}
        for link in entry["links"]:
            assert set(link) - {"absolute_url"} == {"url", "media_type", "text"}
    assert september["media"][0]["date"] == september["start_date"][:10]


def test_a_body_with_one_type_of_meeting_is_one_organisation(sites):
    data = popolo(sites["city council"])
    assert [(o["name"], o["classification"]) for o in data["organizations"]] == [("City of Fernhollow", "body")]
    assert {m["organization_id"] for m in data["memberships"]} == {data["organizations"][0]["id"]}


def test_a_body_with_several_types_of_meeting_has_each_as_a_committee_under_it(sites):
    data = popolo(sites["small"])
    body, *committees = data["organizations"]
    assert body["classification"] == "body" and "parent_id" not in body
    assert len(committees) == 2 and {c["parent_id"] for c in committees} == {body["id"]}
    assert {c["classification"] for c in committees} == {"committee"}
    hosts = {
        next(p["id"] for p in e["participants"] if p["entity_type"] == "organization") for e in events(sites["small"])
    }
    assert hosts == {c["id"] for c in committees}


def test_each_committee_links_to_its_own_page_in_the_archive(sites):
    _, *committees = popolo(sites["small"])["organizations"]
    for committee in committees:
        [link] = committee["links"]
        page = sites["small"] / posixpath.dirname(POPOLO) / link["url"] / "index.html"
        heading = page.read_text("utf-8").split("<h1", 1)[1].split("</h1>", 1)[0]
        assert committee["name"] in heading


def test_a_membership_runs_from_the_first_to_the_last_meeting_listed_in_that_role(sites):
    data = popolo(sites["city council"])
    slugs = _person_slugs(sites["city council"])
    mayor = [m for m in data["memberships"] if slugs[m["person_id"]] == "dana-whitcomb"]
    assert [(m["role"], m["start_date"], m["end_date"]) for m in mayor] == [("Mayor", "2019-06-04", "2020-01-07")]


def test_every_person_in_the_archive_is_a_person(sites):
    names = [p["name"] for p in popolo(sites["city council"])["persons"]]
    people = yaml.safe_load((CITY / "people.yml").read_text("utf-8"))
    assert names == [p["name"] for p in people]


def test_ids_are_the_same_in_every_build_and_with_an_address(sites, tmp_path):
    again = build_site(CITY, tmp_path / "again", base_url=PUBLIC_ADDRESS)

    def ids(site):
        data = popolo(site)
        return [e["id"] for e in events(site)] + [
            r["id"] for key in data if isinstance(data[key], list) for r in data[key]
        ]

    assert ids(again) == ids(sites["city council"])
    assert len(set(ids(again))) == len(ids(again))


def test_permalinks_lead_to_built_pages(sites):
    site = sites["city council"]
    links = [s["url"] for e in events(site) for s in e["sources"]]
    links += [s["url"] for m in popolo(site)["motions"] for s in m["sources"]]
    links += [link["url"] for p in popolo(site)["persons"] for link in p["links"]]
    for link in links:
        page, _, anchor = link.partition("#")
        html = (site / posixpath.normpath(posixpath.join("data", page)) / "index.html").read_text("utf-8")
        assert not anchor or f'id="{anchor}"' in html, link


def test_permalinks_are_absolute_too_only_with_an_address(sites, tmp_path):
    assert all(s["absolute_url"] is None for e in events(sites["city council"]) for s in e["sources"])
    addressed = build_site(CITY, tmp_path / "addressed", base_url=PUBLIC_ADDRESS)
    first = events(addressed)[0]["sources"][0]
    assert first["absolute_url"] == f"{PUBLIC_ADDRESS}meetings/2019-06-04-city-council/"
    assert first["url"] == "../meetings/2019-06-04-city-council/"


def test_the_data_page_describes_both_files_with_a_worked_example_from_the_archive(sites):
    page = (sites["city council"] / "data/index.html").read_text("utf-8")
    for name in ("ocd-events.json", "popolo.json"):
        assert f'href="{name}"' in page and f"Example from {name}" in page
    assert "Resolution 2019-14" in page and "&#34;vote_events&#34;" in page.replace("&quot;", "&#34;")


def test_every_field_is_described_in_the_open_data_docs():
    docs = (ROOT / "docs/open-data.md").read_text(encoding="utf-8")
    for path, fields in ((OCD_EVENTS, EVENT_FIELDS), (POPOLO, POPOLO_FIELDS)):
        assert f"`{path}`" in docs
        for field in fields:
            assert f"`{field.name}`" in docs, f"{path}: {field.name} is not in docs/open-data.md"


def test_the_worked_examples_in_the_docs_are_valid():
    docs = (ROOT / "docs/open-data.md").read_text(encoding="utf-8")
    blocks = [b.split("```", 1)[0] for b in docs.split("```json\n")[1:]]
    examples = [json.loads(b) for b in blocks]
    event = next(e for e in examples if "participants" in e)
    motion = next(e for e in examples if "creator_id" in e)
    vote_event = next(e for e in examples if "votes" in e)
    assert validator("ocd-event.json").is_valid(event)
    assert validator("popolo-motion.json").is_valid(motion)
    assert validator("popolo-vote-event.json").is_valid(vote_event)
    assert vote_event["motion_id"] == motion["id"]


def test_the_worked_examples_in_the_docs_are_excerpts_of_what_a_build_writes(tmp_path):
    site = build_site(CITY, tmp_path / "site", base_url="https://www.example.org/fernhollow/minutes/")
    docs = (ROOT / "docs/open-data.md").read_text(encoding="utf-8")
    event, motion, vote_event = [json.loads(b.split("```", 1)[0]) for b in docs.split("```json\n")[1:]]
    built = next(e for e in events(site) if e["id"] == event["id"])
    assert {k: v for k, v in built.items() if k not in ("participants", "agenda")} == {
        k: v for k, v in event.items() if k not in ("participants", "agenda")
    }
    assert all(p in built["participants"] for p in event["participants"])
    assert all(i in built["agenda"] for i in event["agenda"])
    assert motion in popolo(site)["motions"]
    built_vote = next(v for v in popolo(site)["vote_events"] if v["id"] == vote_event["id"])
    assert all(v in built_vote["votes"] for v in vote_event["votes"])
    assert {k: v for k, v in built_vote.items() if k != "votes"} == {
        k: v for k, v in vote_event.items() if k != "votes"
    }


def popolo_on_the_data_page(site: Path) -> str:
    """What a reader sees of the data page's section on popolo.json: its heading, summary and download line."""
    page = (site / "data/index.html").read_text("utf-8")
    section = page.split('<h2 id="data-popolo-json">', 1)[1].split("<table", 1)[0]
    return text("<h2>" + section)


def lead_of_the_data_page(site: Path) -> str:
    return text((site / "data/index.html").read_text("utf-8").split('<p class="lead">', 1)[1].split("</p>", 1)[0])


def test_the_data_page_describes_popolo_for_one_committee_and_no_decisions_as_its_people(sites):
    people = len(popolo(sites["status"])["persons"])
    assert popolo_on_the_data_page(sites["status"]) == (
        "People in Popolo (JSON) The body, the people and their memberships, in Popolo. "
        f"Download popolo.json (JSON, {people} people)"
    )


def test_the_data_page_names_committees_in_popolo_only_where_there_are_several(sites):
    people = len(popolo(sites["small"])["persons"])
    assert popolo_on_the_data_page(sites["small"]) == (
        "People and committees in Popolo (JSON) The body and its committees, the people and their memberships, "
        f"in Popolo. Download popolo.json (JSON, {people} people)"
    )


def test_the_data_page_describes_popolo_for_a_council_that_votes_by_its_motions(sites):
    motions = len(popolo(sites["city council"])["motions"])
    assert popolo_on_the_data_page(sites["city council"]) == (
        "People and votes in Popolo (JSON) The body, the people, their memberships and every motion and vote, "
        f"in Popolo. Download popolo.json (JSON, {motions} motions)"
    )


def test_the_data_pages_lead_promises_decisions_only_where_there_are_some(sites):
    assert "decisions" not in lead_of_the_data_page(sites["status"])
    assert "votes" not in lead_of_the_data_page(sites["status"])
    assert "the meetings, people and decisions in the Open Civic Data" in lead_of_the_data_page(sites["city council"])


@pytest.mark.parametrize("content", [CITY, FIXTURES / "committees", FIXTURES / "hostile"])
def test_each_file_joined_a_record_at_a_time_is_what_one_json_dumps_would_write(content):
    from minutebook.outputs.civicdata import civic_files
    from minutebook.pipeline import Paths, load_archive

    archive = load_archive(Paths(content=content))
    for written in civic_files(archive, PUBLIC_ADDRESS).values():
        assert written.decode("utf-8") == json.dumps(json.loads(written), ensure_ascii=False, indent=2) + "\n"
