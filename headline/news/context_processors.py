from .models import SectionPage


def navigation(request):
    """The section navigation shown in every public page's header, fetched once per request."""
    if request.path.startswith(("/admin/", "/django-admin/")):
        return {}
    # A function: templates call it, so a page whose header is cached reads nothing.
    return {"nav_sections": lambda: SectionPage.objects.live().public().in_menu().order_by("path")}
