"""The other bodies' sites, built once a session for every test that only reads them (tests/conftest.py
loads these as a plugin: tests/bodies/sites.py imports tests/conftest.py, so that cannot import it back)."""

import pytest

from tests.bodies.sites import CITY, COMMITTEES, PANEL, PARISH, build, city_with_a_planning_commission


@pytest.fixture(scope="session")
def parish_site(tmp_path_factory):
    return build(PARISH, tmp_path_factory.mktemp("parish") / "site")


@pytest.fixture(scope="session")
def panel_site(tmp_path_factory):
    return build(PANEL, tmp_path_factory.mktemp("panel") / "site")


@pytest.fixture(scope="session")
def citycouncil_site(tmp_path_factory):
    return build(CITY, tmp_path_factory.mktemp("citycouncil") / "site")


@pytest.fixture(scope="session")
def committees_site(tmp_path_factory):
    """The city council and its planning commission (tests/fixtures/committees)."""
    return build(COMMITTEES, tmp_path_factory.mktemp("committees") / "site")


@pytest.fixture(scope="session")
def two_committee_site(tmp_path_factory):
    """The city council with a Planning Commission that lost a motion (sites.city_with_a_planning_commission)."""
    folder = tmp_path_factory.mktemp("two-committees")
    return build(city_with_a_planning_commission(folder / "content"), folder / "site")
