"""The clock times of Wagtail's status side panel, named with their zone.

The side panel says when the live version, the draft or a workflow step last changed through
Wagtail's `timesince_last_update` tag: "3 days ago" for an older change, but a bare "14:05" for
one made today, written with strftime, which no format setting reaches. Every other admin time
(DATETIME_FORMAT, see `core.formats`) and the site say "14:05 CET", so this tag replaces
Wagtail's in its own tag library and adds the zone to today's times, keeping Wagtail's wording
and its translations.
"""

from django.utils import timezone
from wagtail.admin.templatetags import wagtailadmin_tags

_wagtails_tag = wagtailadmin_tags.timesince_last_update


def timesince_last_update(last_update, *args, **kwargs):
    """Wagtail's text for `last_update` (an aware datetime), its clock time followed by the
    abbreviation of the user's zone (their account's, or settings.TIME_ZONE): "14:05 CET by Ana"."""
    text = _wagtails_tag(last_update, *args, **kwargs)
    local = timezone.localtime(last_update)
    if local.date() != timezone.localdate():
        return text  # a duration ("3 days ago"): no clock time to name
    clock = local.strftime("%H:%M")  # as Wagtail writes it
    return text.replace(clock, f"{clock} {local.tzname()}", 1)


def register():
    """Put `timesince_last_update` in place of Wagtail's, for every template loaded after."""
    wagtailadmin_tags.register.simple_tag(timesince_last_update, name="timesince_last_update")
