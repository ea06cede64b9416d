"""jiceng (基层党建云平台): grassroots Party-building work as one system of record."""

__version__ = "0.1.0"
