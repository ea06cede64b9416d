"""In-memory rows of the demo with their primary keys chosen up front, so that tree paths and
foreign keys are known before anything is written and every table is one bulk insert."""

import datetime
from dataclasses import dataclass, field

from jiceng.core.models.base import PATH_SEPARATOR
from jiceng.members.models import Member, MobileMember, Position
from jiceng.organizations.models import Organization
from jiceng.people.models import Household, Person
from jiceng.regions.models import Region

# Insert order: a row's foreign keys point to rows of earlier models, except Household.head
# and Person.household, which point at each other (both constraints are deferred to commit).
MODELS = (Region, Organization, Household, Person, Member, Position, MobileMember)


class Rows:
    """Unsaved model instances by model, each given the next primary key of its table."""

    def __init__(self, first_ids):
        self.first_ids = first_ids
        self.by_model = {}

    def add(self, obj):
        rows = self.by_model.setdefault(type(obj), [])
        obj.pk = self.first_ids.get(type(obj), 1) + len(rows)
        rows.append(obj)
        return obj

    def add_node(self, obj, parent):
        """A tree node: its path is its parent's path plus its own key, its depth the number of ancestors."""
        obj.parent = parent
        self.add(obj)
        obj.path = obj.build_path(parent.path if parent is not None else "", obj.pk)
        obj.depth = obj.path.count(PATH_SEPARATOR) - 2
        return obj

    def of(self, model):
        return self.by_model.get(model, [])


def random_date(rng, start, end):
    """A day between start and end, both included."""
    if end <= start:
        return start
    return start + datetime.timedelta(days=rng.randint(0, (end - start).days))


@dataclass
class Township:
    index: int
    name: str
    region: Region
    org: Organization
    is_street: bool
    village_elections: list  # dates of the village two-committee elections, oldest first
    township_elections: list  # dates of the township Party congresses, oldest first
    units: list = field(default_factory=list)  # its villages or communities
    organ: "Unit | None" = None  # the township organ branch, where its leaders are members


@dataclass
class Unit:
    """Where people are recorded: a village, a community, a township organ, a company, a
    cooperative or the mobile members' branch."""

    kind: str  # village | community | organ | enterprise | cooperative | mobile
    org: Organization  # Person.organization of its people
    member_orgs: list  # where memberships go: the sub-branches of a general branch, else [org]
    township: Township | None
    region: Region
    address: str
    size: int = 0  # Party members to create
    party_count: int = 0  # Party members created so far
    naturals: list = field(default_factory=list)
    clan: list = field(default_factory=list)
    minority_share: float = 0.0
    home: "Unit | None" = None  # the village whose households its people live in
    groups: list = field(default_factory=list)
    # Filled while people are made: [(person, member or None, role)] in creation order.
    people: list = field(default_factory=list)
    ordinary: list = field(default_factory=list)  # (person, member) without a post
    secretary: Person | None = None
    sec_index: int = 0  # which election the current secretary took office at
    chair_index: int = 0  # which election the current village committee chair took office at
    households: list = field(default_factory=list)
