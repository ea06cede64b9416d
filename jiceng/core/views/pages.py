from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from ..models import ChangeLog


@require_GET
@never_cache
def healthz(request):
    """200 with the database's state when it answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        db = {"status": "ok", "vendor": connection.vendor}
        code = 200
    except Exception as exc:  # the point of a health check is to report, not to raise
        db = {"status": "error", "vendor": connection.vendor, "error": exc.__class__.__name__}
        code = 503
    return JsonResponse({"status": "ok" if code == 200 else "error", "database": db}, status=code)


@login_required
def home(request):
    from jiceng.members.stats import subtree_summary

    user = request.user
    if user.role == "member" and user.person_id and not user.is_superuser:
        return redirect("members:me")
    root = user.organization
    summary = subtree_summary(user, root)
    return render(request, "core/home.html", {"root": root, "summary": summary})


@login_required
def changelog_list(request):
    qs = ChangeLog.objects.restrict(request.user).select_related("content_type")
    action = request.GET.get("action", "")
    if action in ChangeLog.Action.values:
        qs = qs.filter(action=action)
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    return render(
        request, "core/changelog_list.html", {"page_obj": page, "actions": ChangeLog.Action.choices}
    )


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    return render(request, "500.html", status=500)
