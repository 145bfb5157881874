import unicodedata

import pytest

from .accounts import USERS, canonical_username, login, register, render_bio, slug


def test_register_and_login():
    register("Maria", "correct horse battery")
    assert login("maria", "correct horse battery")


def test_slug_strips_accents():
    assert slug("Café au lait") == "cafe-au-lait"


def test_bio_bold():
    assert render_bio("**Driver** since 2019") == "<p><strong>Driver</strong> since 2019</p>\n"


@pytest.mark.failure(category="other", library="unicodedata", dist=None, shape="raised", cause="unicode-normalisation-mismatch")
def test_login_with_name_typed_on_mac():
    register("Zoë", "s3cret-passphrase")
    decomposed = unicodedata.normalize("NFD", "Zoë")
    assert login(decomposed, "s3cret-passphrase")


@pytest.mark.failure(category="other", library="unicodedata", dist=None, shape="assert", cause="unicode-normalisation-mismatch")
def test_usernames_differing_only_in_composition_are_the_same():
    assert canonical_username("José") == canonical_username("Jose\u0301")


@pytest.mark.failure(category="other", library="unicodedata", dist=None, shape="assert", cause="unicode-normalisation-mismatch")
def test_slug_for_german_thread_title():
    assert slug("Straße gesperrt – Umleitung") == "strasse-gesperrt-umleitung"


@pytest.mark.failure(category="other", library="bcrypt", dist="bcrypt", shape="raised", cause="password-hash-input-too-long")
def test_register_with_long_passphrase():
    assert register("sam", "correct horse battery staple " * 4)


@pytest.mark.failure(category="other", library="bcrypt", dist="bcrypt", shape="raised", cause="password-hash-format-mismatch")
def test_login_for_user_migrated_from_old_forum():
    USERS["legacy_lee"] = b"5f4dcc3b5aa765d61d8327deb882cf99"  # md5 hash imported from phpBB
    assert login("legacy_lee", "password")


@pytest.mark.failure(category="other", library="markdown-it-py", dist="markdown-it-py", shape="assert", cause="markdown-render-diff")
def test_bio_links_are_clickable():
    assert 'href="https://parcelly.example"' in render_bio("Find me at https://parcelly.example")


@pytest.mark.failure(category="other", library="markdown-it-py", dist="markdown-it-py", shape="assert", cause="markdown-render-diff")
def test_bio_table_rendered():
    assert "<table>" in render_bio("| Day | Route |\n|-----|-------|\n| Mon | A1 |")
