"""Test-suite wiring shared by the marketplace's packages."""
