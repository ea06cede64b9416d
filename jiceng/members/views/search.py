"""Person search (JSON), for the search-as-you-type person choice."""

from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.views.decorators.http import require_GET

from jiceng.people.forms import normalize_query, person_label, search_persons
from jiceng.people.models import Person

from .shared import (
    PERSON_SEARCH_LIMIT,
)

# Person search (JSON), for the search-as-you-type person choice


@require_GET
@login_required
def person_search(request):
    """At most 20 persons of the user's scope matching ?q= (name, pinyin initials, full
    pinyin, or the last digits of the ID number or phone)."""
    q = normalize_query(request.GET.get("q"))
    if not q:
        return JsonResponse({"results": [], "more": False})
    qs = search_persons(Person.objects.restrict(request.user).select_related("organization"), q)
    rows = list(qs[: PERSON_SEARCH_LIMIT + 1])
    results = [{"id": p.pk, "name": p.name, "label": person_label(p)} for p in rows[:PERSON_SEARCH_LIMIT]]
    return JsonResponse({"results": results, "more": len(rows) > PERSON_SEARCH_LIMIT})
