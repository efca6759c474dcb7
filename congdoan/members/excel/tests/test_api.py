"""The member import through the API: it starts a background job and is followed at /jobs/{id}."""


def test_an_import_can_be_started_and_followed_through_the_api(tree, login):
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from openpyxl import Workbook

    from congdoan.members.excel.columns import COLUMNS

    wb = Workbook()
    ws = wb.active
    ws.append([c.header for c in COLUMNS])
    values = {
        "full_name": "Ngô Thị Hạnh",
        "gender": "Nữ",
        "date_of_birth": "09/09/1991",
        "unit_code": "LCI.BT.001",
    }
    values |= {"admitted_on": "01/06/2024", "decision_no": "7/QĐ"}
    ws.append([values.get(c.key, "") for c in COLUMNS])
    data = io.BytesIO()
    wb.save(data)
    client = login(tree.commune_officer)

    def post(unit):
        upload = SimpleUploadedFile("ds.xlsx", data.getvalue())
        return client.post("/api/v1/members/import", {"unit_id": unit.pk, "file": upload})

    assert post(tree.dn).status_code == 404
    response = post(tree.bt)
    assert response.status_code == 202
    job = response.json()
    assert (job["status"], job["result"]["summary"][1][1]) == ("succeeded", "1")
    assert client.get(f"/api/v1/jobs/{job['id']}").json()["status"] == "succeeded"
