"""Importers for partner catalogue files (CSV, XML) and the e-mail templating of the newsletter."""

from __future__ import annotations

import csv
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import jinja2
from lxml import etree

PRODUCT_CODE = re.compile(r"^(?P<family>[A-Z]{3})-(?P<number>\d{4})$")


def read_partner_csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter=";"))


def write_export(path: Path, rows: list[str]) -> None:
    with path.open("w", encoding="ascii") as fh:
        fh.write("\n".join(rows))


def product_family(code: str) -> str:
    return PRODUCT_CODE.match(code.strip()).group("family")


def compile_search(term: str) -> re.Pattern[str]:
    return re.compile(rf"\b{term}\b", re.IGNORECASE)


def redact_card_numbers(text: str, replacement: str) -> str:
    return re.sub(r"\b(\d{4})\d{8}(\d{4})\b", replacement, text)


def parse_feed(xml_bytes: bytes) -> list[dict[str, str]]:
    root = etree.fromstring(xml_bytes)
    return [{"sku": item.findtext("sku"), "price": item.findtext("price")} for item in root.iter("item")]


def feed_title(xml_text: str) -> str:
    root = ET.fromstring(xml_text)
    return root.find("channel/title").text


def first_price(xml_bytes: bytes) -> str:
    root = etree.fromstring(xml_bytes)
    return root.xpath("//item/price/text()")[0]


ENV = jinja2.Environment(
    loader=jinja2.DictLoader(
        {
            "welcome.txt": "Hello {{ user.first_name }}, your plan is {{ plan.name | upper }}.",
            "digest.txt": "{% for a in articles %}- {{ a.title }}\n{% endfor %}{% if footer %}{{ footer }}{% endif",
            "receipt.txt": "Total: {{ '%.2f' | format(total) }} {{ currency }}",
        }
    ),
    undefined=jinja2.StrictUndefined,
)


def render(name: str, **context) -> str:
    return ENV.get_template(name).render(**context)
