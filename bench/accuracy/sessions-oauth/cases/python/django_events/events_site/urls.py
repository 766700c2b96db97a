from django.urls import include, path

from tickets import api, oauth, session_tokens, views, webhooks

ticket_patterns = ([
    path("login/", views.attendee_login, name="login"),
    path("login/code/", views.ticket_code_login, name="code-login"),
    path("login/sms/", views.sms_login, name="sms-login"),
    path("login/qr/<str:token>/", views.qr_login, name="qr-login"),
    path("rsvps/<int:rsvp_id>/transfer/", views.transfer_ticket, name="transfer"),
    path("organizer/login/", views.organizer_login, name="organizer-login"),
    path("events/<int:event_id>/rsvp/", views.rsvp, name="rsvp"),
    path("events/<int:event_id>/cancel/", views.CancelRsvpView.as_view(), name="cancel"),
    path("events/<int:event_id>/calendar.ics", views.event_calendar, name="calendar"),
    path("me/profile/", views.update_profile, name="profile"),
    path("me/tickets/", views.my_tickets, name="my-tickets"),
    path("organizer/", views.dashboard, name="dashboard"),
    path("auth/token/", session_tokens.issue_token_cookie, name="token-cookie"),
    path("auth/token/drop/", session_tokens.drop_token_cookie, name="token-cookie-drop"),
    path("auth/widget-token/", session_tokens.issue_widget_cookie, name="widget-cookie"),
    path("auth/organizer-widget/", session_tokens.organizer_widget_login, name="organizer-widget"),
    path("auth/organizer-widget/refresh/", session_tokens.organizer_widget_refresh, name="organizer-widget-refresh"),
], "tickets")

urlpatterns = [
    path("", include(ticket_patterns)),
    path("hooks/stripe/", webhooks.stripe_webhook),
    path("organizer/eventbrite/", oauth.eventbrite_connect),
    path("organizer/eventbrite/done/", oauth.eventbrite_done),
    path("organizer/meetup/", oauth.meetup_connect),
    path("organizer/meetup/done/", oauth.meetup_done),
    path("venue/sso/", oauth.venue_login),
    path("api/kiosk/login/", api.KioskLoginView.as_view()),
    path("api/kiosk/refresh/", api.KioskRefreshView.as_view()),
    path("api/kiosk/logout/", api.KioskLogoutView.as_view()),
    path("api/checkin/", api.checkin),
]
