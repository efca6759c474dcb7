from ninja import Router

router = Router(tags=["Chỉ tiêu và báo cáo"])
