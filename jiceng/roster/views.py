"""Roster import (upload → checked report → 确认导入), the template, and the export."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from . import storage
from .export import XLSX_CONTENT_TYPE, ExportTooLarge, template_workbook
from .forms import ImportForm
from .importer import import_members
from .permissions import can_export, can_import, import_organizations
from .services import InvalidFilters, export_members

# The checked report lists at most this many problems on the page (all are counted).
ERRORS_SHOWN = 1000


def xlsx_response(data, filename):
    response = HttpResponse(data, content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = _attachment(filename)
    response["Cache-Control"] = "private, no-store"
    return response


def _attachment(filename):
    from urllib.parse import quote

    ascii_name = filename.encode("ascii", "ignore").decode() or "roster.xlsx"
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename)}"


def _require_import(request):
    if not can_import(request.user):
        raise PermissionDenied("您的账号不能导入花名册。")


@login_required
@require_http_methods(["GET", "POST"])
def import_view(request):
    _require_import(request)
    form = ImportForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST":
        storage.purge_expired()
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        organization = form.cleaned_data["organization"]
        data = upload.read()
        report = import_members(data, organization, request.user, commit=False)
        token = None
        if report.ok and (report.created or report.updated):
            token = storage.save(data, request.user, organization, upload.name)
        return _report_page(request, report, upload.name, token)
    return render(request, "roster/import.html", {"form": form, "can_export": can_export(request.user)})


def _report_page(request, report, filename, token=None, status=200):
    context = {
        "report": report,
        "filename": filename,
        "token": token,
        "errors": report.errors[:ERRORS_SHOWN],
        "errors_hidden": max(0, len(report.errors) - ERRORS_SHOWN),
    }
    return render(request, "roster/import_report.html", context, status=status)


@login_required
@require_POST
def import_confirm(request):
    _require_import(request)
    token = request.POST.get("token", "")
    try:
        data, meta = storage.load(token, request.user)
    except storage.PendingImportNotFound:
        raise Http404("没有找到这次上传的文件，可能已经导入过或已过期，请重新上传。") from None
    organization = import_organizations(request.user).filter(pk=meta.get("organization_id")).first()
    if organization is None:
        storage.discard(token)
        raise Http404("导入的党组织已不在您的管辖范围内。")
    report = import_members(data, organization, request.user, commit=True)
    storage.discard(token)
    if report.committed:
        messages.success(
            request,
            f"已导入“{meta.get('filename', '')}”：新增{report.created}人，更新{report.updated}人，"
            f"{report.unchanged}人无变化。",
        )
        return redirect("roster:import")
    return _report_page(request, report, meta.get("filename", ""))


@login_required
@require_GET
def template_view(request):
    if not can_export(request.user):
        raise PermissionDenied("您的账号不能下载导入模板。")
    organizations = list(import_organizations(request.user).only("name", "code", "path")[:5000])
    sample = request.user.organization or (organizations[0] if organizations else None)
    return xlsx_response(template_workbook(organizations, sample), "党员花名册导入模板.xlsx")


@login_required
@require_GET
def export_members_view(request):
    if not can_export(request.user):
        raise PermissionDenied("您的账号不能导出花名册。")
    try:
        data, filename = export_members(request, request.GET)
    except (InvalidFilters, ExportTooLarge) as exc:
        messages_list = exc.messages if isinstance(exc, InvalidFilters) else [str(exc)]
        return render(request, "roster/export_error.html", {"messages_list": messages_list}, status=400)
    return xlsx_response(data, filename)
