import pytest

from . import render


def test_welcome_banner():
    render.use_templates({"banner.html": "Welcome to {{ shop }}!"})
    assert render.page("banner.html", shop="Kettle & Co") == "Welcome to Kettle &amp; Co!"


@pytest.mark.failure(category="4", library="jinja2", shape="assert", cause="environment-template-cache-auto-reload-off")
def test_winter_banner():
    render.use_templates({"banner.html": "Winter sale at {{ shop }}!"})
    html = render.page("banner.html", shop="Kettle & Co")
    assert html == "Winter sale at Kettle &amp; Co!"


def test_footer_year():
    render.env.globals["year"] = 2024
    render.use_templates({"footer.html": "(c) {{ year|default('') }} Kettle & Co"})
    assert render.page("footer.html") == "(c) 2024 Kettle & Co"


@pytest.mark.failure(category="4", library="jinja2", shape="assert", cause="environment-globals-leak-between-tests")
def test_footer_without_year():
    render.use_templates({"footer_plain.html": "{% if year %}(c) {{ year }} {% endif %}Kettle & Co"})
    html = render.page("footer_plain.html")
    assert html == "Kettle & Co"


@pytest.fixture
def theme_dir(tmp_path_factory):
    d = tmp_path_factory.getbasetemp() / "theme" / "templates"
    d.mkdir(parents=True, exist_ok=True)
    return d


def test_product_card_default_theme(theme_dir):
    (theme_dir / "card.html").write_text("<b>{{ name }}</b>")
    assert render.file_env(theme_dir).get_template("card.html").render(name="Mug") == "<b>Mug</b>"


@pytest.mark.failure(category="4", library="jinja2", shape="assert", cause="filesystem-loader-cache-auto-reload-off")
def test_product_card_dark_theme(theme_dir):
    (theme_dir / "card.html").write_text("<b class='dark'>{{ name }}</b>")
    html = render.file_env(theme_dir).get_template("card.html").render(name="Mug")
    assert "dark" in html


def test_shipped_mail():
    assert render.mail("shipped.txt", name="Ida", order="A-17") == "Hello Ida, your order A-17 has shipped."


@pytest.fixture
def short_shipped_mail():
    path = render.HERE / "mail" / "shipped.txt"
    original = path.read_text()
    path.write_text("${name}: order ${order} is on its way.\n")
    yield
    path.write_text(original)


@pytest.mark.failure(category="4", library="mako", shape="assert", cause="template-lookup-filesystem-checks-off")
def test_short_shipped_mail(short_shipped_mail):
    text = render.mail("shipped.txt", name="Ida", order="A-18")
    assert text == "Ida: order A-18 is on its way."


@pytest.mark.failure(category="4", library="mako", shape="raised", cause="template-lookup-filesystem-checks-off")
def test_shipped_mail_has_no_legacy_greeting(short_shipped_mail):
    text = render.mail("shipped.txt", name="Ole", order="A-19")
    if text.startswith("Hello"):
        raise ValueError(f"legacy greeting still rendered: {text!r}")


@pytest.mark.failure(category="other", library="jinja2", shape="raised", cause="undefined-variable-typo-strict")
def test_receipt_line():
    import jinja2

    strict = jinja2.Environment(undefined=jinja2.StrictUndefined)
    tpl = strict.from_string("{{ qty }} x {{ item.nmae }}")
    assert tpl.render(qty=2, item={"name": "Mug"}) == "2 x Mug"
