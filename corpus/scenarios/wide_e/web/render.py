"""E-mail and page rendering (Jinja2 for pages, Mako for the transactional mails)."""

from __future__ import annotations

from pathlib import Path

import jinja2
from mako.lookup import TemplateLookup

HERE = Path(__file__).parent

env = jinja2.Environment(
    loader=jinja2.DictLoader({}),
    auto_reload=False,
    autoescape=True,
)


def use_templates(templates: dict[str, str]) -> None:
    env.loader.mapping.update(templates)


def page(name: str, **ctx) -> str:
    return env.get_template(name).render(**ctx)


def file_env(directory: Path) -> jinja2.Environment:
    return _file_envs.setdefault(str(directory.parent), jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(directory)), auto_reload=False))


_file_envs: dict = {}

mails = TemplateLookup(directories=[str(HERE / "mail")], filesystem_checks=False, module_directory=None)


def mail(template: str, **ctx) -> str:
    return mails.get_template(template).render(**ctx).strip()
