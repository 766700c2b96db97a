from django.urls import path

from . import views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("proxy/", views.proxy_home, name="proxy-home"),
    path("calendar.ics", views.appointment_calendar_feed, name="calendar"),
    path("appointments/<int:pk>/cancel/", views.cancel_appointment, name="cancel"),
    path("settings/notifications/", views.notification_preferences, name="notifications"),
    path("messages/new/", views.MessageComposeView.as_view(), name="compose"),
]
