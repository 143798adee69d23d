"""The search page's form offers only choices that can find something."""

import re

THEME_OPTION = re.compile(r'<option value="([a-z0-9-]+)">')


def theme_choices(site) -> list[str]:
    page = (site / "search" / "index.html").read_text(encoding="utf-8")
    themes = page[page.index('id="filter-theme"') : page.index("</select>", page.index('id="filter-theme"'))]
    return THEME_OPTION.findall(themes)


def test_a_theme_nothing_is_filed_under_is_not_offered_as_a_filter(real_site):
    # themes.yml declares "Neighbourhood policing", and no agenda item or action is filed under it.
    choices = theme_choices(real_site)
    assert "neighbourhood-policing" not in choices
    assert "serious-organised-crime" in choices and len(choices) > 10
