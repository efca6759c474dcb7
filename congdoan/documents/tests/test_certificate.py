from django.urls import reverse


def test_the_certificate_prints_for_the_province_officer(tree, decided, client):
    client.force_login(tree.province_officer)
    award = decided.awards.filter(member__isnull=False).get()
    assert reverse("documents:certificate", args=[award.pk]) == f"/emulation/awards/{award.pk}/certificate/"
    certificate = client.get(f"/emulation/awards/{award.pk}/certificate/")
    assert certificate.status_code == 200 and certificate.content.startswith(b"%PDF")
    client.force_login(tree.other_province_officer)
    assert client.get(f"/emulation/awards/{award.pk}/certificate/").status_code == 404
