"""Demo data of emulation and commendation, built through the real services.

Lào Cai province in 2025: movements, registrations (a few late, a few missing), a block of enterprise
unions with a signed pledge, scores and a ranking, and a decided awards round: the province's decision
(flags by "suy tôn", Bằng khen for collectives and individuals), commune decisions (Giấy khen, "CĐCS
vững mạnh"), grassroots decisions (Lao động giỏi) and the national decision on commemorative medals.
2026 is under way: registrations, the signed pledges of "Cụm thi đua số 1" and the industrial-park block.
Decisions signed elsewhere: the provincial People's Committee's 2025 Bằng khen and Huy hiệu (received), and the
province's 2023 decision entered afterwards (``received``).
"""

from .load import load

__all__ = ["load"]
