from django.urls import include, path

from . import views

app_name = "members"
urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.member_new, name="new"),
    path("pick/", views.member_pick, name="member_pick"),
    path("leave-reasons/", views.leave_reason_list, name="leave_reasons"),
    path("leave-reasons/new/", views.leave_reason_edit, name="leave_reason_new"),
    path("leave-reasons/<int:pk>/edit/", views.leave_reason_edit, name="leave_reason_edit"),
    path("<int:pk>/", views.member_detail, name="detail"),
    path("<int:pk>/edit/", views.member_edit, name="edit"),
    path("<int:pk>/transfer/", views.member_transfer, name="transfer"),
    path("<int:pk>/leave/", views.member_leave, name="leave"),
    path("<int:pk>/readmit/", views.member_readmit, name="readmit"),
    path("<int:pk>/card/<str:step>/", views.member_card, name="card"),
    path("<int:pk>/posts/new/", views.post_add, name="post_add"),
    path("<int:pk>/posts/<int:post_id>/edit/", views.post_edit, name="post_edit"),
    path("<int:pk>/posts/<int:post_id>/delete/", views.post_delete, name="post_delete"),
    path("batches/", views.batch_list, name="batches"),
    path("batches/<int:pk>/", views.batch_detail, name="batch"),
    path("batches/<int:pk>/submit/", views.batch_submit, name="batch_submit"),
    path("batches/<int:pk>/approve/", views.batch_approve, name="batch_approve"),
    path("batches/<int:pk>/return/", views.batch_return, name="batch_return"),
    path("transfers/", views.transfer_list, name="transfers"),
    path("transfers/<int:pk>/<str:decision>/", views.transfer_decide, name="transfer_decide"),
    path("duplicates/", views.duplicates, name="duplicates"),
    path("statistics/", views.statistics, name="statistics"),
    path("statistics/export/", views.statistics_export, name="statistics_export"),
    path("excel/", include("congdoan.members.excel.urls")),
]
