"""Form helpers shared by every app."""

from django import forms

from congdoan.core.fields import formfield_for


class StyleMixin:
    """Bootstrap classes on every widget, whether the template iterates the form or picks fields by name.

    Classes are (re)applied when the form is built and when it is iterated, so fields added after
    ``__init__`` are styled too, and fields with errors get ``is-invalid``.
    """

    # No `required` attribute: the browser's bubble would speak the browser's language ("Please fill out this
    # field"); the server's message is Vietnamese and names the field.
    use_required_attribute = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._style(mark_errors=False)  # validating here would run before subclasses set querysets

    def __iter__(self):
        self._style(mark_errors=True)
        return super().__iter__()

    def _style(self, *, mark_errors: bool) -> None:
        for name, field in self.fields.items():
            widget = field.widget
            if isinstance(widget, forms.RadioSelect | forms.HiddenInput | forms.CheckboxSelectMultiple):
                continue  # lists of choices are styled by .choice-list in app.css
            if isinstance(widget, forms.CheckboxInput):
                css = "form-check-input"
            elif isinstance(widget, forms.Select):
                css = "form-select"
            else:
                css = "form-control"
            classes = set(widget.attrs.get("class", "").split())
            classes.add(css)
            if mark_errors and self.is_bound and name in self.errors:
                classes.add("is-invalid")
            widget.attrs["class"] = " ".join(sorted(classes))


class StyledForm(StyleMixin, forms.Form):
    pass


class _SharedFieldsMetaclass(forms.models.ModelFormMetaclass):
    """Model dates and integers get the shared dd/mm/yyyy and grouped-number fields (core/fields.py).

    Django reads ``formfield_callback`` from the form's own ``Meta`` only, so it is set on each subclass's Meta
    that does not choose one itself.
    """

    def __new__(mcs, name, bases, attrs):
        meta = attrs.get("Meta")
        if meta is not None and not hasattr(meta, "formfield_callback"):
            meta.formfield_callback = staticmethod(formfield_for)
        return super().__new__(mcs, name, bases, attrs)


class StyledModelForm(StyleMixin, forms.ModelForm, metaclass=_SharedFieldsMetaclass):
    pass
