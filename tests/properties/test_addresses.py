"""Web addresses (the site's own, the contact page, a meeting's source document): any value is
refused by `check` with a located message, or published in every output as a working link."""

from hypothesis import given

from tests.properties.published import APRIL, BOUNDED, addresses, outcome, quoted, small


@BOUNDED
@given(addresses)
def test_the_site_address(address):
    outcome(small().replace("site.yml", "contact_url:", f"base_url: {quoted(address)}\ncontact_url:"))


@BOUNDED
@given(addresses)
def test_the_contact_address(address):
    outcome(
        small().replace("site.yml", "contact_url: https://www.example.org/contact/", f"contact_url: {quoted(address)}")
    )


@BOUNDED
@given(addresses)
def test_a_source_document_address(address):
    outcome(
        small().replace(
            APRIL,
            "  title: Monthly Assurance Meeting April 2019 – Meeting Notes",
            f"  title: Notes\n  url: {quoted(address)}",
        )
    )
