from django.contrib import admin
from django.urls import path

from accounts import views as accounts_views
from catalogue import views as catalogue_views
from integrations import views as integration_views
from loans import api as loans_api
from loans import views as loans_views
from rest_framework_simplejwt.views import TokenObtainPairView, TokenRefreshView

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", catalogue_views.home, name="home"),
    path("search/", catalogue_views.search, name="search"),
    path("accounts/login/", accounts_views.member_login, name="login"),
    path("accounts/card-login/", accounts_views.card_login, name="card-login"),
    path("accounts/kiosk/", accounts_views.kiosk_login, name="kiosk"),
    path("accounts/password/", accounts_views.change_password, name="password"),
    path("accounts/notifications/", accounts_views.notification_prefs, name="notifications"),
    path("accounts/logout/", accounts_views.logout_view, name="logout"),
    path("loans/", loans_views.my_loans, name="mine"),
    path("loans/sort/", loans_views.set_sort, name="sort"),
    path("loans/<int:loan_id>/", loans_views.detail, name="detail"),
    path("loans/<int:loan_id>/renew/", loans_views.renew, name="renew"),
    path("api/token/", TokenObtainPairView.as_view(), name="token"),
    path("api/token/refresh/", TokenRefreshView.as_view(), name="token-refresh"),
    path("api/device/loans/", loans_api.DeviceLoansView.as_view(), name="device-loans"),
    path("api/device/token/refresh/", loans_api.DeviceTokenRefreshView.as_view(), name="device-refresh"),
    path("webhooks/supplier/", integration_views.supplier_webhook, name="supplier-webhook"),
]
