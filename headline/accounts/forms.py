"""The code a staff member types: six digits from their app, or one of their recovery codes."""

from django import forms


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code",
        max_length=16,
        help_text="The six digits your authenticator app shows, or one of your recovery codes.",
        error_messages={"required": "Please enter the code."},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True}),
    )

    def clean_code(self):
        return "".join(self.cleaned_data["code"].split())
