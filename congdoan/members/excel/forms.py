from django import forms
from django.utils.translation import gettext_lazy as _

from congdoan.core.fields import FileField, FileInput

from .reader import MAX_FILE_BYTES, WorkbookError, check_file_size


class ImportForm(forms.Form):
    unit = forms.ModelChoiceField(
        label=_("Nhập cho đơn vị"),
        queryset=None,
        empty_label=None,
        help_text=_("Các mã đơn vị trong tệp phải là công đoàn cơ sở thuộc đơn vị này."),
    )
    file = FileField(
        label=_("Tệp Excel (.xlsx)"),
        help_text=_("Dùng tệp mẫu; tối đa %(mb)s MB.") % {"mb": MAX_FILE_BYTES // 1024 // 1024},
        widget=FileInput(attrs={"accept": ".xlsx"}),
    )

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["unit"].widget.attrs["class"] = "form-select"

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".xlsx"):
            raise forms.ValidationError(
                _(
                    "Chỉ nhận tệp Excel .xlsx. Với tệp .xls hoặc .csv, hãy mở bằng Excel và Lưu thành kiểu .xlsx."
                )
            )
        try:
            check_file_size(upload.size)
        except WorkbookError as exc:
            raise forms.ValidationError(exc.messages) from exc
        head = upload.read(4)
        upload.seek(0)
        if head != b"PK\x03\x04":
            raise forms.ValidationError(
                _("Tệp không phải là tệp Excel .xlsx hợp lệ (có thể bị hỏng hoặc chỉ được đổi đuôi tên tệp).")
            )
        return upload
