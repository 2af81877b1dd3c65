from .models import SectionPage


def navigation(request):
    """The section navigation shown in every public page's header, fetched once per request."""
    if request.path.startswith(("/admin/", "/django-admin/")):
        return {}
    return {"nav_sections": SectionPage.objects.live().public().in_menu().order_by("path")}
