"""Shared fixtures. Area-specific fixtures live in the tests' own conftest modules."""
