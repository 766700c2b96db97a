from django.contrib import admin
from django.urls import path

from plots import api, views

urlpatterns = [
    path("admin/", admin.site.urls),
    path("login/", views.holder_login, name="holder-login"),
    path("committee/login/", views.committee_login, name="committee-login"),
    path("waiting-list/login/", views.waiting_list_login, name="waiting-login"),
    path("plots/", views.plot_list, name="plot-list"),
    path("plots/<int:plot_id>/give-up/", views.give_up_plot, name="give-up"),
    path("sign-out/", views.sign_out, name="sign-out"),
    path("api/keypad/refresh/", api.KeypadTokenRefresh.as_view(), name="keypad-refresh"),
    path("api/keypad/plots/", api.KeypadPlots.as_view(), name="keypad-plots"),
]
