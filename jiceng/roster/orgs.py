"""Resolves what a roster row writes in 所在党组织 to an organisation in the importing scope.

Accepted: the organisation code (V001); "name（code）" as the export writes it; a path of
names relative to any ancestor (中共东山镇委员会/中共桃源村支部委员会); or a name that is
unique in the scope. All distinct values of a file are resolved together in a few queries.
"""

import re
import unicodedata
from dataclasses import dataclass

from django.db.models import Q

from jiceng.core.scoping import user_scope_path
from jiceng.organizations.models import Organization

_CODE = re.compile(r"^[A-Za-z0-9\-]{2,32}$")
_NAME_WITH_CODE = re.compile(r"^(.*?)\s*[(（]\s*([A-Za-z0-9\-]{2,32})\s*[)）]$")
_SEPARATORS = re.compile(r"\s*[/／\\>＞]\s*")
_FIELDS = ("id", "name", "code", "path", "depth", "parent_id", "dissolved_date")


def norm(name):
    """A name reduced for comparison: half-width brackets, no spaces."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", name or ""))


def _spellings(name):
    """The spellings of a name a database may hold: as typed, with full- or half-width brackets."""
    return {
        name,
        name.replace("(", "（").replace(")", "）"),
        name.replace("（", "(").replace("）", ")"),
    }


def org_label(org):
    """How the roster writes an organisation: its name with its code, 中共桃源村支部委员会（V001）."""
    return f"{org.name}（{org.code}）"


@dataclass
class Resolved:
    organization: Organization | None = None
    error: str = ""


class OrganizationResolver:
    """Resolves cell values to organisations in `root`'s subtree. `user` (None for the
    system) decides which organisations outside it may be named in a message."""

    def __init__(self, root, user=None):
        self.root = root
        self.scope = None if user is None else user_scope_path(user)

    def in_root(self, org):
        return org.path.startswith(self.root.path)

    def visible(self, org):
        return self.scope is None or (bool(self.scope) and org.path.startswith(self.scope))

    def resolve(self, values):
        """{value: Resolved} for every distinct value (stripped text)."""
        parsed = {value: self._parse(value) for value in values}
        codes = set()
        names = set()
        for code, segments in parsed.values():
            if code:
                codes.update({code, code.upper()})
            if segments:
                names.update(_spellings(segments[-1]))
        by_code, by_name = {}, {}
        if codes or names:
            query = Q(code__in=codes) | Q(name__in=names)
            for org in Organization.objects.filter(query).only(*_FIELDS):
                by_code[org.code] = org
                by_name.setdefault(norm(org.name), []).append(org)
        ancestor_names = self._ancestor_names(
            [o for _, segments in parsed.values() if len(segments) > 1 for o in by_name.get(segments[-1], ())]
        )
        result = {}
        for value, (code, segments) in parsed.items():
            result[value] = self._resolve_one(value, code, segments, by_code, by_name, ancestor_names)
        return result

    @staticmethod
    def _parse(value):
        """(code or '', [name segments]) of a cell value."""
        text = value.strip()
        match = _NAME_WITH_CODE.match(text)
        if match:
            name, code = match.groups()
            return code, [norm(s) for s in _SEPARATORS.split(name) if s.strip()]
        segments = [norm(s) for s in _SEPARATORS.split(text) if s.strip()]
        code = text if _CODE.match(text) else ""
        return code, segments

    @staticmethod
    def _ancestor_names(orgs):
        ids = {i for o in orgs for i in o.ancestor_ids()}
        if not ids:
            return {}
        return {
            pk: norm(name) for pk, name in Organization.objects.filter(pk__in=ids).values_list("pk", "name")
        }

    def _resolve_one(self, value, code, segments, by_code, by_name, ancestor_names):
        org = by_code.get(code) or by_code.get(code.upper()) if code else None
        if org is not None:
            if not self.visible(org) and not self.in_root(org):
                return Resolved(error=self._not_found(value))
            given = "/".join(segments)
            if segments and segments != [code] and segments[-1] != norm(org.name):
                return Resolved(error=f"组织编码“{org.code}”对应的是“{org.name}”，与填写的“{given}”不一致。")
            return self._check(org, value)
        if not segments:
            return Resolved(error=self._not_found(value))
        candidates = [
            o for o in by_name.get(segments[-1], ()) if self._chain_ends_with(o, segments, ancestor_names)
        ]
        inside = [o for o in candidates if self.in_root(o)]
        if len(inside) == 1:
            return self._check(inside[0], value)
        if len(inside) > 1:
            codes = "、".join(o.code for o in inside[:5])
            return Resolved(
                error=f"有{len(inside)}个党组织都叫“{value}”（编码{codes}），请改填组织编码，"
                f"或写上上级名称，如“上级党组织/{segments[-1]}”。"
            )
        if any(self.visible(o) for o in candidates):
            return Resolved(error=f"党组织“{value}”不在本单位（{self.root.name}）管辖范围内。")
        return Resolved(error=self._not_found(value))

    def _check(self, org, value):
        if not self.in_root(org):
            return Resolved(error=f"党组织“{value}”不在本单位（{self.root.name}）管辖范围内。")
        if org.dissolved_date:
            return Resolved(
                error=f"党组织“{org.name}”已于{org.dissolved_date:%Y年%m月%d日}撤销，不能再接收党员。"
            )
        return Resolved(organization=org)

    def _not_found(self, value):
        return f"找不到党组织“{value}”，请填写本单位或下级党组织的编码或名称。"

    @staticmethod
    def _chain_ends_with(org, segments, ancestor_names):
        if len(segments) == 1:
            return True
        chain = [ancestor_names.get(i, "") for i in org.ancestor_ids()] + [norm(org.name)]
        return chain[-len(segments) :] == segments if len(chain) >= len(segments) else False
