"""`{% fragment %}`: a part of a template rendered once and shared by every reader.

    {% fragment "header" "site sections" section_path %}…{% endfragment %}

The first argument names the fragment, the second gives the content-version scopes it shows (a
string of names separated by spaces, or a list), the rest are values that also shape it (a page
number, the current section). See `headline.core.freshness.cached` for the key and its rules.
"""

from django import template

from .. import freshness

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, scopes, vary):
        self.nodelist, self.name, self.scopes, self.vary = nodelist, name, scopes, vary

    def render(self, context):
        scopes = self.scopes.resolve(context)
        if isinstance(scopes, str):
            scopes = scopes.split()
        return freshness.cached(
            self.name.resolve(context),
            tuple(scopes),
            lambda: self.nodelist.render(context),
            vary=tuple(value.resolve(context) for value in self.vary),
            request=context.get("request"),
        )


@register.tag
def fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 3:
        raise template.TemplateSyntaxError(f"{bits[0]} needs a name and its scopes")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    name, scopes, *vary = (parser.compile_filter(bit) for bit in bits[1:])
    return FragmentNode(nodelist, name, scopes, vary)
