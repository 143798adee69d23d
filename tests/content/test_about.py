"""The assurance fixture's about.md, the first body's as published, says only what the archive itself says:
every fact it states is in site.yml or the meetings."""

from tests.conftest import ASSURANCE

ABOUT = (ASSURANCE / "about.md").read_text(encoding="utf-8")
SITE = (ASSURANCE / "site.yml").read_text(encoding="utf-8")
MEETINGS = "".join(p.read_text(encoding="utf-8") for p in sorted((ASSURANCE / "meetings").glob("*.md")))


def flat(text: str) -> str:
    return " ".join(text.split())


def test_the_organisation_it_names_is_the_one_in_site_yml():
    assert "organisation: Office of the Police and Crime Commissioner for West Mercia\n" in SITE
    assert "published by the Office of the Police and Crime Commissioner for West Mercia" in flat(ABOUT)


def test_every_meeting_is_of_the_type_it_names_and_chaired_by_the_commissioner():
    assert "holds Monthly Assurance Meetings" in flat(ABOUT)
    files = sorted((ASSURANCE / "meetings").glob("*.md"))
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert "type: Monthly Assurance Meeting\n" in text and "chair: john-campion\n" in text, path.name
        assert "  - person: john-campion\n    role: Police and Crime Commissioner\n" in text, path.name
        assert "    role: Chief Constable\n" in text, path.name


def test_the_roles_it_names_as_attending_are_minuted():
    for role in ("Deputy Chief Constable", "Assistant Chief Constable", "Deputy Police and Crime Commissioner"):
        assert role in flat(ABOUT) and f"role: {role}\n" in MEETINGS, role


def test_the_agenda_items_it_names_are_on_the_agendas():
    for named, minuted in [
        ("outstanding matters", "title: Outstanding matters"),
        ('"Holding to account"', "title: Holding to account"),
        (
            "operational and reputational opportunities and risks",
            "title: Operational and reputational opportunities and risks",
        ),
        ("Her Majesty's Inspectorate of Constabulary (HMIC, later HMICFRS)", "title: HMICFRS inspection programme"),
        ("any other business", "title: AOB"),
        ("serious and organised crime", "title: Holding to account – Serious and Organised Crime (SOC)"),
        ("roads policing", "title: Roads policing"),
    ]:
        assert named in flat(ABOUT), named
        assert minuted in MEETINGS, minuted
