from __future__ import annotations

from pathlib import Path

import jinja2
import pandas as pd
import pytest

from .importers import (
    compile_search,
    feed_title,
    first_price,
    parse_feed,
    product_family,
    read_partner_csv,
    redact_card_numbers,
    render,
    write_export,
)


@pytest.fixture
def latin1_catalogue(tmp_path: Path) -> Path:
    path = tmp_path / "catalogue.csv"
    path.write_bytes("sku;label;price\nFRA-0001;Crème brûlée;4,50\nFRA-0002;Café liégeois;3,90\n".encode("latin-1"))
    return path


@pytest.fixture
def partner_rows(latin1_catalogue):
    return read_partner_csv(latin1_catalogue)


# --- text encoding -------------------------------------------------------------------------

@pytest.mark.failure(category="other", library="csv", dist=None, shape="raised", cause="text-encoding-mismatch")
def test_partner_catalogue_labels(latin1_catalogue):
    rows = read_partner_csv(latin1_catalogue)
    assert rows[0]["label"] == "Crème brûlée"


@pytest.mark.failure(category="other", library="csv", dist=None, shape="setup", cause="text-encoding-mismatch")
def test_partner_catalogue_prices(partner_rows):
    assert [r["price"] for r in partner_rows] == ["4,50", "3,90"]


@pytest.mark.failure(category="other", library="pandas", shape="raised", cause="text-encoding-mismatch")
def test_catalogue_dataframe(latin1_catalogue):
    df = pd.read_csv(latin1_catalogue, sep=";")
    assert df.shape == (2, 3)


@pytest.mark.failure(category="other", library="codecs", dist=None, shape="raised", cause="text-encoding-mismatch")
def test_export_customer_names(tmp_path):
    write_export(tmp_path / "export.txt", ["Zoë Müller", "Ángel Pérez"])
    assert (tmp_path / "export.txt").exists()


@pytest.mark.failure(category="other", library="codecs", dist=None, shape="assert", cause="text-encoding-mismatch")
def test_label_roundtrip_through_legacy_system():
    raw = "Crème brûlée".encode("utf-8")
    label = raw.decode("cp1252")
    assert label == "Crème brûlée"


@pytest.mark.failure(category="other", library="codecs", dist=None, shape="raised", cause="text-encoding-mismatch")
def test_windows_smart_quotes_in_review():
    body = b"\x93Great coffee\x94 \x96 would buy again"
    assert body.decode("utf-8").startswith("\u201c")


# --- regular expressions -------------------------------------------------------------------

@pytest.mark.failure(category="other", library="re", dist=None, shape="raised", cause="regex-pattern-error")
def test_search_term_with_parenthesis():
    assert compile_search("espresso (double").search("Espresso (double) 2x")


@pytest.mark.failure(category="other", library="re", dist=None, shape="raised", cause="regex-pattern-error")
def test_search_term_with_wildcard():
    assert compile_search("*beans").search("coffee beans")


@pytest.mark.failure(category="other", library="re", dist=None, shape="raised", cause="regex-pattern-error")
def test_redact_card_keeps_last_four():
    assert redact_card_numbers("card 4111111111111111 ok", r"\1********\d") == "card 4111********1111 ok"


@pytest.mark.failure(category="other", library="re", dist=None, shape="raised", cause="regex-pattern-error")
def test_product_family_from_lowercase_code():
    assert product_family("fra-0001") == "FRA"


@pytest.mark.failure(category="other", library="re", dist=None, shape="assert", cause="regex-pattern-error")
def test_redact_card_with_spaces():
    assert redact_card_numbers("card 4111 1111 1111 1111", r"\1 **** **** \2") == "card 4111 **** **** 1111"


# --- templates -----------------------------------------------------------------------------

@pytest.mark.failure(category="other", library="jinja2", dist="Jinja2", shape="raised", cause="template-error")
def test_welcome_email_for_user_without_plan():
    text = render("welcome.txt", user={"first_name": "Ada"})
    assert "Ada" in text


@pytest.mark.failure(category="other", library="jinja2", dist="Jinja2", shape="raised", cause="template-error")
def test_digest_lists_articles():
    text = render("digest.txt", articles=[{"title": "Release 2.0"}], footer="bye")
    assert "- Release 2.0" in text


@pytest.mark.failure(category="other", library="jinja2", dist="Jinja2", shape="raised", cause="template-error")
def test_password_reset_template():
    assert "reset" in render("password_reset.txt", link="https://example.com/r/abc")


@pytest.mark.failure(category="other", library="jinja2", dist="Jinja2", shape="raised", cause="template-error")
def test_receipt_total_formatting():
    assert render("receipt.txt", total="12.5", currency="EUR") == "Total: 12.50 EUR"


@pytest.mark.failure(category="other", library="jinja2", dist="Jinja2", shape="assert", cause="template-error")
def test_sandbox_template_greets_by_name():
    env = jinja2.Environment()
    text = env.from_string("Hi {{ customer.name }}!").render(customer={"firstname": "Ada"})
    assert text == "Hi Ada!"


# --- XML documents -------------------------------------------------------------------------

FEED = b"""<?xml version="1.0"?>
<feed xmlns="http://partner.example.com/feed/v2">
  <item><sku>FRA-0001</sku><price>4.50</price></item>
  <item><sku>FRA-0002</sku><price>3.90</price></item>
</feed>"""


@pytest.mark.failure(category="other", library="lxml", shape="raised", cause="xml-feed-parsing")
def test_parse_feed_with_unescaped_ampersand():
    xml = b"<feed><item><sku>FRA-0003</sku><label>Fish & Chips</label><price>9.00</price></item></feed>"
    assert parse_feed(xml)[0]["sku"] == "FRA-0003"


@pytest.mark.failure(category="other", library="lxml", shape="raised", cause="xml-feed-parsing")
def test_parse_namespaced_feed_items():
    assert len(parse_feed(FEED.decode())) == 2


@pytest.mark.failure(category="other", library="lxml", shape="raised", cause="xml-feed-parsing")
def test_first_price_in_namespaced_feed():
    assert first_price(FEED) == "4.50"


@pytest.mark.failure(category="other", library="xml.etree", dist=None, shape="raised", cause="xml-feed-parsing")
def test_rss_title_with_unclosed_tag():
    rss = "<rss><channel><title>Roastery news</title><item><title>New beans</item></channel></rss>"
    assert feed_title(rss) == "Roastery news"


@pytest.mark.failure(category="other", library="xml.etree", dist=None, shape="raised", cause="xml-feed-parsing")
def test_atom_title():
    atom = '<feed xmlns="http://www.w3.org/2005/Atom"><title>Roastery news</title></feed>'
    assert feed_title(atom) == "Roastery news"
