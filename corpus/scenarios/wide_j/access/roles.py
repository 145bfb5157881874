"""Roles, grants and policy rules of the document workspace."""

from __future__ import annotations

from enum import IntEnum
from fnmatch import fnmatch

import attrs


class Role(IntEnum):
    """Higher value = more rights."""

    OWNER = 1
    ADMIN = 2
    EDITOR = 3
    VIEWER = 4


def can(role: Role, needed: Role) -> bool:
    return role >= needed


@attrs.define(eq=False)
class Grant:
    action: str
    resource: str


@attrs.define
class Member:
    email: str
    display_name: str = attrs.field()
    grants: list[Grant] = attrs.field(factory=list)


def has_grant(member: Member, action: str, resource: str) -> bool:
    return Grant(action, resource) in member.grants


def is_allowed(rules: list[tuple[str, str]], action: str) -> bool:
    """Rules are (effect, pattern); an explicit deny always wins over an allow."""
    for effect, pattern in rules:
        if fnmatch(action, pattern):
            return effect == "allow"
    return False


def within_scope(resource: str, granted_scope: str) -> bool:
    """A grant on 'projects/42' covers 'projects/42' and everything below it."""
    return resource.startswith(granted_scope)


def effective_permissions(user_perms: set[str], plan_perms: set[str]) -> set[str]:
    """What a user may do: their own permissions, restricted to what the organisation's plan includes."""
    return user_perms | plan_perms
