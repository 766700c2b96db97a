from django.contrib import admin
from django.urls import include, path
from rest_framework_simplejwt.views import TokenRefreshView

from accounts import api as accounts_api
from accounts import views as accounts_views
from integrations import oauth_views
from portal import views as portal_views

accounts_patterns = ([
    path("login/", accounts_views.login_view, name="login"),
    path("login/pin/", accounts_views.kiosk_pin_login, name="kiosk-pin"),
    path("login/staff/", accounts_views.staff_login, name="staff-login"),
    path("login/legacy/", accounts_views.legacy_portal_login, name="legacy-login"),
    path("login/proxy/", accounts_views.proxy_login, name="proxy-login"),
    path("logout/", accounts_views.logout_view, name="logout"),
    path("password/", accounts_views.change_password, name="password"),
    path("clinic/", accounts_views.choose_clinic, name="choose-clinic"),
    path("banner/dismiss/", accounts_views.dismiss_banner, name="dismiss-banner"),
], "accounts")

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include(accounts_patterns)),
    path("portal/", include("portal.urls")),
    path("api/auth/login/", accounts_api.MobileLoginView.as_view()),
    path("api/auth/refresh/", TokenRefreshView.as_view()),
    path("api/auth/device-refresh/", accounts_api.DeviceRefreshView.as_view()),
    path("api/auth/logout/", accounts_api.LogoutView.as_view()),
    path("api/auth/password/", accounts_api.ChangePasswordView.as_view()),
    path("api/appointments/", portal_views.appointments_api),
    path("hooks/lab-results/", portal_views.lab_results_webhook),
    path("oauth/ehr/start/", oauth_views.ehr_start),
    path("oauth/ehr/callback/", oauth_views.ehr_callback),
    path("oauth/wearables/start/", oauth_views.wearables_start),
    path("oauth/wearables/callback/", oauth_views.wearables_callback),
    path("oauth/fhir/start/", oauth_views.fhir_start),
    path("oauth/fhir/callback/", oauth_views.fhir_callback),
]
