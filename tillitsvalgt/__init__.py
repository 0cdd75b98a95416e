"""Tillitsvalgt: the core (domain, storage, rules, letters, reports, CLI). Never imports Qt."""

__version__ = "0.1.0"
