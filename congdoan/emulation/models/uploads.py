"""Where uploaded files go (the migrations name it ``congdoan.emulation.models.nomination_upload_to``)."""


def nomination_upload_to(instance, filename):
    return f"emulation/nominations/{instance.nomination_id}/{filename}"
