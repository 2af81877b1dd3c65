"""The search form: the words, and the optional section and date-range filters."""

from django import forms

from headline.core.text import clean_text
from headline.news.models import SectionPage

MAX_QUERY_LENGTH = 200


class DateInput(forms.DateInput):
    input_type = "date"


class SearchForm(forms.Form):
    q = forms.CharField(
        label="Search for",
        required=False,
        max_length=MAX_QUERY_LENGTH,
        error_messages={
            "max_length": (
                f"Your search is too long. Use at most {MAX_QUERY_LENGTH} characters: "
                "a few distinctive words work best."
            )
        },
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    section = forms.ModelChoiceField(
        queryset=SectionPage.objects.none(),  # set per form: public() reads the database
        to_field_name="slug",
        required=False,
        empty_label="All sections",
    )
    from_date = forms.DateField(label="From", required=False, widget=DateInput)
    to_date = forms.DateField(label="To", required=False, widget=DateInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["section"]
        field.queryset = SectionPage.objects.live().public().order_by("path")
        # Any public section filters (an address may name one), but the list offers the sections
        # the site's menu shows, and the one chosen: an imported archive keeps dozens of old
        # categories out of its menu. With none in the menu, every section is offered.
        chosen = self.data.get("section") if self.is_bound else None
        sections = list(field.queryset)
        offered = [s for s in sections if s.show_in_menus or s.slug == chosen]
        if not any(s.show_in_menus for s in sections):
            offered = sections
        field.widget.choices = [("", field.empty_label)] + [(s.slug, s.title) for s in offered]

    def clean_q(self):
        # Composed (NFC) like the stored text, so a decomposed `Zürich` finds the article.
        return " ".join(clean_text(self.cleaned_data["q"]).split())

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("from_date"), cleaned.get("to_date")
        if start and end and start > end:
            self.add_error("to_date", "The end date must be on or after the start date.")
        return cleaned
