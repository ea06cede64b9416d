from .base import ChangeLoggedModel, PathField, PrimaryModel, TreeModel
from .changelog import ChangeLog

__all__ = ["ChangeLog", "ChangeLoggedModel", "PathField", "PrimaryModel", "TreeModel"]
