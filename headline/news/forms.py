"""The article editor's form: a new article starts bylined to the author who is writing it."""

from wagtail.admin.forms import WagtailAdminPageForm


class ArticlePageForm(WagtailAdminPageForm):
    """Wagtail's page form, with the byline of a new article filled in.

    When the logged-in user is linked to an Author (`Author.user`), the first author row of a new
    article names them; they can still change or remove it before saving.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        author = getattr(self.for_user, "author", None) if self.for_user else None
        if author is not None and self.instance.pk is None:
            # The first row is an extra form (a new article has no saved authors): it takes
            # its value from initial_extra when shown, and from the submitted data when posted.
            self.formsets["article_authors"].initial_extra = [{"author": author.pk}]
