from django.urls import path

from . import views
from .social import views as social

app_name = "welfare"
urlpatterns = [
    path("", views.index, name="index"),
    path("programmes/new/", views.programme_new, name="programme_new"),
    path("programmes/<int:pk>/", views.programme_detail, name="programme"),
    path("programmes/<int:pk>/edit/", views.programme_edit, name="programme_edit"),
    path("programmes/<int:pk>/funds/new/", views.fund_new, name="fund_new"),
    path("programmes/<int:pk>/pick/", views.pick, name="pick"),
    path("programmes/<int:pk>/import/", views.import_list, name="import"),
    path("programmes/<int:pk>/submit/", views.submit, name="submit"),
    path("programmes/<int:pk>/approve/", views.approve, name="approve"),
    path("programmes/<int:pk>/houses/new/", views.house_new, name="house_new"),
    path("payments/<int:pk>/reverse/", views.payment_reverse, name="payment_reverse"),
    path("payments/<int:pk>/delete/", views.payment_delete, name="payment_delete"),
    path("houses/<int:pk>/", views.house_detail, name="house"),
    path("registrations/", views.registrations, name="registrations"),
    path("registrations/<int:pk>/decide/", views.registration_decide, name="registration_decide"),
    path("programmes/<int:pk>/registrations/import/", views.registration_import, name="registration_import"),
    path("register/", views.register, name="register"),
    path("social/", social.social, name="social"),
    path("social/gifts/new/", social.gift_new, name="gift_new"),
    path("social/gifts/<int:pk>/delete/", social.gift_delete, name="gift_delete"),
    path("social/import/", social.gift_import, name="gift_import"),
    path("social/donors/", social.donors, name="donors"),
    path("social/donors/new/", social.donor_new, name="donor_new"),
    path("figures/", views.figures, name="figures"),
]
