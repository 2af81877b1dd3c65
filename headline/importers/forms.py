"""The admin's upload form: a WordPress export, checked far enough to refuse what is not one."""

from django import forms

from .wordpress import wxr


class WordPressImportForm(forms.Form):
    export = forms.FileField(
        label="WordPress export",
        help_text="The .xml file from Tools › Export in WordPress (All content).",
    )
    dry_run = forms.BooleanField(
        required=False, label="Dry run", help_text="Report what would happen; save nothing."
    )
    overwrite = forms.BooleanField(
        required=False,
        help_text="Replace articles, pages and comments edited in Headline since the last import.",
    )

    def clean_export(self):
        """The start of the file must be a WordPress export (a truncated end shows in the run's
        report, since only reading it all finds it)."""
        upload = self.cleaned_data["export"]
        try:
            next(wxr.read(upload))
        except wxr.WXRError as error:
            raise forms.ValidationError(str(error)) from None
        finally:
            upload.seek(0)
        return upload
