from ninja import Router

router = Router(tags=["Chăm lo, phúc lợi"])
