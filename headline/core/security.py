"""The Content-Security-Policy each response carries: the site's strict one, the admin's own.

django-csp writes the header from `CONTENT_SECURITY_POLICY`. Public pages allow scripts and
styles from our own files only, with no nonce, so a page cached once (the page cache, Varnish, a
CDN) is valid for every reader. Wagtail 8's admin prints small inline `<script>` initialisers (the
InlinePanel and MultipleChooserPanel templates, the date and time widgets) and style attributes,
so paths under `/admin/` get `ADMIN_CONTENT_SECURITY_POLICY` instead: still no other host, no
eval, no plugin, no framing by other sites.
"""

from csp.constants import SELF
from csp.middleware import CSPMiddleware
from csp.utils import default_config
from django.conf import settings

ADMIN_PREFIX = "/admin/"


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's policy under `/admin/`."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only:
            return parts
        if request.path_info.startswith(ADMIN_PREFIX):
            parts.config = default_config(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
        elif getattr(request, "is_dummy", False):
            # Wagtail renders a preview through the middleware with a dummy request for the
            # page's own address: the page keeps its public policy, but the admin must frame it.
            parts.replace = (parts.replace or {}) | {"frame-ancestors": [SELF]}
        return parts
