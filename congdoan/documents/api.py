from ninja import Router

router = Router(tags=["Văn bản, biểu mẫu"])
