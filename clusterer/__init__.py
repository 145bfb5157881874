"""clusterer: cluster failing tests and map each cluster to a known failure category."""

__version__ = "0.1.0"
