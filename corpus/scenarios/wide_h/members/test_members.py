import pytest

from .models import MemberFactory, join, member_joined, outbox


def test_factory_builds_basic_member():
    member = MemberFactory()
    assert member.tier == "basic"


def test_factory_builds_batch():
    assert len(MemberFactory.build_batch(3)) == 3


@pytest.mark.failure(category="4", library="factory-boy", shape="assert", cause="sequence-counter-continues-across-tests")
def test_first_member_gets_first_number():
    assert MemberFactory().number == "M-0000"


@pytest.mark.failure(category="4", library="factory-boy", shape="assert", cause="sequence-counter-continues-across-tests")
def test_member_email_matches_directory():
    member = MemberFactory()
    assert member.email == "member0@example.com"


def test_welcome_mail_is_queued():
    outbox.clear()
    join("ana@example.com", "M-1000")
    assert outbox == ["welcome:ana@example.com"]


def test_vip_members_get_concierge_mail():
    def concierge(member):
        if member.tier == "vip":
            outbox.append(f"concierge:{member.email}")
        else:
            outbox.append(f"skip:{member.email}")

    member_joined.connect(concierge, weak=False)
    join("bo@example.com", "M-1001", tier="vip")
    assert "concierge:bo@example.com" in outbox


@pytest.mark.failure(category="4", library="blinker", shape="assert", cause="signal-receiver-connected-in-earlier-test")
def test_basic_member_gets_only_welcome_mail():
    outbox.clear()
    join("cy@example.com", "M-1002")
    assert outbox == ["welcome:cy@example.com"]


@pytest.mark.failure(category="4", library="blinker", shape="assert", cause="signal-receiver-connected-in-earlier-test")
def test_join_notifies_one_receiver():
    results = member_joined.send(MemberFactory.build(email="dee@example.com"))
    assert len(results) == 1
