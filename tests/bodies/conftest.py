import pytest

from tests.bodies.sites import CITY, PANEL, PARISH, build, city_with_a_planning_commission


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
def two_committee_site(tmp_path_factory):
    """The city council with a Planning Commission that lost a motion (sites.city_with_a_planning_commission)."""
    folder = tmp_path_factory.mktemp("two-committees")
    return build(city_with_a_planning_commission(folder / "content"), folder / "site")
