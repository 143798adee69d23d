import pytest

from tests.bodies.sites import CITY, PANEL, PARISH, build


@pytest.fixture(scope="session")
def parish_site(tmp_path_factory):
    return build(PARISH, tmp_path_factory.mktemp("parish") / "site")


@pytest.fixture(scope="session")
def panel_site(tmp_path_factory):
    return build(PANEL, tmp_path_factory.mktemp("panel") / "site")


@pytest.fixture(scope="session")
def citycouncil_site(tmp_path_factory):
    return build(CITY, tmp_path_factory.mktemp("citycouncil") / "site")
