"""How big the demo is: every count and share the generator uses, in one parameter object.

Only the county scale exists. A city (≈1,700 organisations, 70,000 members) or a province
(≈300,000 organisations, 5 million members) is another `Scale` with other numbers, plus a
level of counties above the townships.
"""

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Scale:
    name: str
    # The made-up county: 4399xx is not an assigned prefix, so no real division code is used.
    county_name: str = "青山县"
    county_code: str = "439901"
    org_code: str = "QS"
    towns: int = 7  # 镇
    xiangs: int = 4  # 乡 (the last one an ethnic township)
    streets: int = 1  # 街道, with communities instead of villages
    villages: int = 200
    communities: int = 5
    natural_villages: tuple[int, int] = (2, 6)  # per administrative village
    # Party members per village and per community: (least, most, most likely).
    village_members: tuple[int, int, int] = (15, 80, 32)
    community_members: tuple[int, int, int] = (25, 90, 45)
    sub_branches: tuple[int, int] = (2, 4)  # under a general branch
    industry_groups: int = 16
    nonpublic_enterprise_branches: int = 1
    cooperative_branches: int = 1
    mobile_branches: int = 1
    branch_members: tuple[int, int] = (8, 15)  # enterprise and cooperative branches
    mobile_branch_members: tuple[int, int] = (12, 20)
    organ_staff: tuple[int, int] = (8, 14)  # township organ branch members besides the leaders
    # Development steps per village: applicants, activists, candidates (each 0..n).
    applicants: int = 3
    activists: int = 2
    candidates: int = 1
    transferred_out: int = 25
    deceased: int = 20
    # Shares.
    mobile_share: float = 0.05
    mobile_returned_share: float = 0.12
    first_secretary_share: float = 0.25
    concurrent_share: float = 0.72  # secretary also village committee chair (一肩挑)
    hardship_share: float = 0.06
    extra_households: float = 0.2  # households without a member, per member of the village
    minority_share: float = 0.015  # outside the ethnic township
    ethnic_township_minority_share: float = 0.35

    @property
    def townships(self):
        return self.towns + self.xiangs

    def with_villages(self, villages):
        """A smaller copy for tests: `villages` villages spread over fewer townships."""
        rural = max(1, min(self.townships, villages // 2))
        towns = max(1, round(rural * self.towns / self.townships))
        return replace(
            self,
            villages=villages,
            towns=towns,
            xiangs=rural - towns,
            communities=min(self.communities, 2),
            industry_groups=min(self.industry_groups, max(1, villages // 3)),
            transferred_out=min(self.transferred_out, villages),
            deceased=min(self.deceased, villages),
        )


SCALES = {"county": Scale(name="county")}
