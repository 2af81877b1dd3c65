"""How the admin writes dates and times in English (British and American alike).

Django's English formats give "30 Nov 2026, 10:36 p.m." with no zone, while the public pages
say "30 November 2026, 22:36 CET": the admin (Wagtail formats its timestamps with
DATETIME_FORMAT) now writes times as the site does, on the 24-hour clock with the abbreviation
of the newsroom's zone (settings.TIME_ZONE, or the zone a user picked in their account).
Django looks here before its own locale formats (settings.FORMAT_MODULE_PATH).
"""

DATETIME_FORMAT = "j F Y, H:i T"
SHORT_DATETIME_FORMAT = "j M Y, H:i T"
TIME_FORMAT = "H:i"
