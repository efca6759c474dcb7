"""Social work for people who are not members: donors, gifts, their figures, pages, API and Excel."""
