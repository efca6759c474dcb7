from django.urls import path

from . import views

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
    path("register/", views.register, name="register"),
    path("figures/", views.figures, name="figures"),
]
