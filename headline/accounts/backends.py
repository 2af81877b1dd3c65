"""django-axes's lockout check for sign-ins that come with a request.

Every sign-in form passes its request; a credential check without one (a script, the test
client's `login`) has no address to lock out, so it is left to the model backend instead of
being refused with an error.
"""

from axes.backends import AxesStandaloneBackend


class LockoutBackend(AxesStandaloneBackend):
    def authenticate(self, request=None, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
