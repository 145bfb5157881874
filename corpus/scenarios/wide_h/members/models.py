"""Membership domain: members, welcome e-mails (blinker signals) and test factories."""

from __future__ import annotations

from dataclasses import dataclass, field

import factory
from blinker import signal

member_joined = signal("member-joined")
outbox: list[str] = []


@dataclass
class Member:
    email: str
    number: str
    tier: str = "basic"
    tags: list[str] = field(default_factory=list)


def join(email: str, number: str, tier: str = "basic") -> Member:
    member = Member(email=email, number=number, tier=tier)
    member_joined.send(member)
    return member


@member_joined.connect
def send_welcome(member: Member) -> None:
    outbox.append(f"welcome:{member.email}")


class MemberFactory(factory.Factory):
    class Meta:
        model = Member

    email = factory.Sequence(lambda n: f"member{n}@example.com")
    number = factory.Sequence(lambda n: f"M-{n:04d}")
    tier = "basic"
