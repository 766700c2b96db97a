from django.urls import include, path

from board import api, oauth, views

board_patterns = ([
    path("", views.login_page, name="index"),
    path("login/", views.login_page, name="login"),
    path("login/quick/", views.quick_login, name="quick-login"),
    path("login/pin/", views.pin_login, name="pin-login"),
    path("login/code/send/", views.send_login_code, name="send-code"),
    path("login/code/", views.email_code_login, name="code-login"),
    path("moderation/login/", views.moderator_login, name="moderator-login"),
    path("moderation/", views.login_page, name="moderation"),
    path("jump/", views.jump, name="jump"),
    path("out/", views.external_link, name="external"),
    path("threads/<int:thread_id>/reply/", views.reply, name="reply"),
], "board")

urlpatterns = [
    path("", include(board_patterns)),
    path("oauth/github/", oauth.github_begin),
    path("oauth/github/done/", oauth.github_done),
    path("oauth/discord/", oauth.discord_begin),
    path("oauth/discord/done/", oauth.discord_done),
    path("api/token/", api.TokenLoginView.as_view()),
    path("api/token/refresh/", api.TokenRefreshView.as_view()),
    path("api/token/device-refresh/", api.DeviceTokenRefreshView.as_view()),
    path("api/token/mobile-refresh/", api.MobileRefreshView.as_view()),
    path("api/members/<int:member_id>/password/", api.AdminResetPasswordView.as_view()),
    path("api/logout/", api.LogoutView.as_view()),
    path("api/password/", api.ChangePasswordView.as_view()),
]
