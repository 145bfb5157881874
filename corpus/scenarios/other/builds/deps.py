"""Build-order resolution for the monorepo's packages."""

from __future__ import annotations

import networkx as nx


def dependency_graph(deps: dict[str, list[str]]) -> nx.DiGraph:
    graph = nx.DiGraph()
    for package, requires in deps.items():
        graph.add_node(package)
        for dep in requires:
            graph.add_edge(dep, package)
    return graph


def build_order(deps: dict[str, list[str]]) -> list[str]:
    return list(nx.topological_sort(dependency_graph(deps)))


def impact_path(deps: dict[str, list[str]], changed: str, target: str) -> list[str]:
    return nx.shortest_path(dependency_graph(deps), changed, target)


def find_cycle(deps: dict[str, list[str]]) -> list:
    return nx.find_cycle(dependency_graph(deps))
