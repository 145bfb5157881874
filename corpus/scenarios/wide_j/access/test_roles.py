from __future__ import annotations

import unittest

import pytest

from .roles import Grant, Member, Role, can, effective_permissions, has_grant, is_allowed, within_scope

POLICY = [("allow", "docs.*"), ("deny", "docs.delete"), ("deny", "billing.*")]


@pytest.mark.parametrize(
    "role",
    [
        pytest.param(
            Role.OWNER,
            marks=pytest.mark.failure(
                category="other", library="enum", dist=None, shape="assert", cause="role-hierarchy-inverted"
            ),
        ),
        pytest.param(
            Role.ADMIN,
            marks=pytest.mark.failure(
                category="other", library="enum", dist=None, shape="assert", cause="role-hierarchy-inverted"
            ),
        ),
        Role.EDITOR,
    ],
)
def test_roles_that_may_publish(role):
    assert can(role, Role.EDITOR)


@pytest.mark.failure(category="other", library="attrs", shape="assert", cause="identity-equality-instead-of-value")
def test_member_with_read_grant_has_it():
    member = Member("ana@example.org", "Ana", [Grant("read", "projects/42")])
    assert has_grant(member, "read", "projects/42")


@pytest.mark.failure(category="other", library="attrs", shape="assert", cause="identity-equality-instead-of-value")
def test_equal_grants_compare_equal():
    assert Grant("write", "projects/7") == Grant("write", "projects/7")


@pytest.mark.failure(category="other", library="attrs", shape="assert", cause="validator-missing")
def test_member_requires_a_display_name():
    with pytest.raises(ValueError):
        Member("bo@example.org", "")


@pytest.mark.failure(category="other", library="attrs", shape="assert", cause="validator-missing")
def test_member_email_must_contain_at_sign():
    with pytest.raises((ValueError, TypeError), match="email"):
        Member("not-an-address", "Bo")


@pytest.mark.failure(category="other", library="fnmatch", dist=None, shape="assert", cause="deny-rule-not-precedent")
def test_delete_is_denied_even_though_docs_are_allowed():
    assert not is_allowed(POLICY, "docs.delete")


@pytest.mark.failure(category="other", library="fnmatch", dist=None, shape="assert", cause="deny-rule-not-precedent")
def test_policy_decisions_for_editor():
    decisions = {action: is_allowed(POLICY, action) for action in ["docs.read", "docs.delete", "billing.view"]}
    assert decisions == {"docs.read": True, "docs.delete": False, "billing.view": False}


@pytest.mark.failure(category="other", library="str", dist=None, shape="assert", cause="prefix-match-without-boundary")
def test_grant_on_project_42_does_not_cover_project_421():
    assert within_scope("projects/421/files/report.pdf", "projects/42") is False


@pytest.mark.failure(category="other", library="str", dist=None, shape="assert", cause="prefix-match-without-boundary")
def test_team_scope_does_not_match_similarly_named_team():
    assert not within_scope("teams/design-ops", "teams/design")


class EffectivePermissionTests(unittest.TestCase):
    @pytest.mark.failure(
        category="other", library="set", dist=None, shape="assert", cause="union-instead-of-intersection"
    )
    def test_free_plan_removes_export(self):
        perms = effective_permissions({"read", "write", "export"}, {"read", "write", "comment"})
        self.assertSetEqual(perms, {"read", "write"})

    @pytest.mark.failure(
        category="other", library="set", dist=None, shape="assert", cause="union-instead-of-intersection"
    )
    def test_guest_gets_nothing_beyond_own_permissions(self):
        perms = effective_permissions({"read"}, {"read", "write", "comment", "export"})
        self.assertCountEqual(sorted(perms), ["read"])
