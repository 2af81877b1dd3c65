"""*Settings › Import from WordPress*: upload an export, follow the import, read its report.

Editors and superusers only (`importers.add_wordpressimport`, given to Editors by migration
0002). The status page shows a progress bar; `importers/progress.js` polls the JSON status view
and reloads the page when the import ends; without JavaScript the page refreshes itself.
"""

from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from .forms import WordPressImportForm
from .models import ImportedObject, WordPressImport
from .runs import progress
from .tasks import import_wordpress
from .wordpress.report import TAKEN_ADDRESSES, control_characters_line, kind_label

PERMISSION = "importers.add_wordpressimport"
RECENT = 10


def may_import(user):
    return user.has_perm(PERMISSION)


def start(request):
    if not may_import(request.user):
        raise PermissionDenied
    form = WordPressImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        export = form.cleaned_data["export"]
        run = WordPressImport(
            file_name=export.name[:255],
            dry_run=form.cleaned_data["dry_run"],
            overwrite=form.cleaned_data["overwrite"],
            started_by=request.user,
        )
        run.export.save(export.name, export, save=False)
        run.save()
        import_wordpress.enqueue(run.pk)
        return redirect("importers_wordpress_status", run.pk)
    return render(
        request,
        "importers/start.html",
        {
            "page_title": "Import from WordPress",
            "header_title": "Import from WordPress",
            "header_icon": "download",
            "form": form,
            "runs": WordPressImport.objects.select_related("started_by")[:RECENT],
        },
        status=400 if form.errors else 200,
    )


def status(request, pk):
    if not may_import(request.user):
        raise PermissionDenied
    run = get_object_or_404(WordPressImport, pk=pk)
    return render(
        request,
        "importers/status.html",
        {
            "page_title": f"Import of {run.file_name}",
            "header_title": f"Import of {run.file_name}",
            "header_icon": "download",
            "run": run,
            **(shown(run.report) if run.finished and run.report else {}),
            "percent": round(progress(run) * 100),
            "status_url": reverse("importers_wordpress_status_json", args=[run.pk]),
        },
    )


def shown(report):
    """What the status page shows of a stored report (`Report.as_dict()`): `rows`, each kind in
    words with its counts, and `notes` and `skips` as (kind, WordPress ID, title, text, the
    editor's address of the page it concerns or ""): a post or page the import made links to
    its editor, where an editor checks what the note says."""
    concerned = [
        wp_id for kind, wp_id, *_ in report["notes"] + report["skips"] if kind in ("post", "page")
    ]
    pages = {
        (kind, wp_id): reverse("wagtailadmin_pages:edit", args=[pk])
        for kind, wp_id, pk in ImportedObject.objects.filter(
            site_url=report["site_url"], kind__in=("post", "page"), wp_id__in=concerned
        ).values_list("kind", "wp_id", "object_id")
    }
    return {
        "rows": [(kind_label(kind), counts) for kind, counts in report["counts"].items()],
        "kind_reasons": [(kind_label(k), n, why) for k, n, why in report["kind_reasons"]],
        "taken_addresses": TAKEN_ADDRESSES,
        "control_characters": control_characters_line(report["control_characters"])
        if report.get("control_characters")
        else "",
        **{
            name: [(*line, pages.get((line[0], line[1]), "")) for line in report[name]]
            for name in ("notes", "skips")
        },
    }


def status_json(request, pk):
    if not may_import(request.user):
        raise PermissionDenied
    run = get_object_or_404(WordPressImport, pk=pk)
    return JsonResponse(
        {
            "status": run.status,
            "label": run.get_status_display(),
            "progress": progress(run),
            "finished": run.finished,
        },
        headers={"Cache-Control": "no-store"},
    )
