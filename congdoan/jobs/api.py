from ninja import Router

router = Router(tags=["Tác vụ nền"])
