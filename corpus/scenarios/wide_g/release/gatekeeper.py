"""Release gatekeeper: checks pull requests and CI status on GitHub before a release is cut (PyGithub)."""

from __future__ import annotations

from github import Auth, Github

REPO = "acme/shop"


def github() -> Github:
    return Github(auth=Auth.Token("ghp_test0000"), retry=None, timeout=3)


class Gatekeeper:
    def __init__(self, gh: Github | None = None) -> None:
        self.gh = gh or github()

    def repo(self):
        return self.gh.get_repo(REPO)

    def is_merged(self, number: int) -> bool:
        return self.repo().get_pull(number).merged

    def approvals(self, number: int) -> int:
        reviews = self.repo().get_pull(number).get_reviews()
        return sum(1 for r in reviews if r.state == "APPROVED")

    def ci_green(self, sha: str) -> bool:
        return self.repo().get_commit(sha).get_combined_status().state == "success"

    def release_notes(self, tag: str) -> str:
        return self.repo().get_release(tag).body

    def default_branch_protected(self) -> bool:
        repo = self.repo()
        return repo.get_branch(repo.default_branch).protected

    def changed_files(self, number: int) -> list[str]:
        return [f.filename for f in self.repo().get_pull(number).get_files()]
