import os

from flask import Flask, g, session

from .models import User, db

app = Flask(__name__)
app.config.update(
    SECRET_KEY=os.environ.get("NOTES_SECRET_KEY"),
    SQLALCHEMY_DATABASE_URI=os.environ.get("NOTES_DATABASE_URL", "sqlite:///notes.db"),
    SESSION_COOKIE_NAME="notes_sid",
    SESSION_COOKIE_HTTPONLY=True,
    SESSION_COOKIE_SECURE=os.environ.get("NOTES_ENV") == "production",
    SESSION_COOKIE_SAMESITE="None",
    MAX_CONTENT_LENGTH=2 * 1024 * 1024,
    GITHUB_CLIENT_ID=os.environ.get("GITHUB_CLIENT_ID"),
    GITHUB_CLIENT_SECRET=os.environ.get("GITHUB_CLIENT_SECRET"),
    GITLAB_CLIENT_ID=os.environ.get("GITLAB_CLIENT_ID"),
    GITLAB_CLIENT_SECRET=os.environ.get("GITLAB_CLIENT_SECRET"),
)
db.init_app(app)


@app.before_request
def load_current_user():
    uid = session.get("user_id")
    g.user = db.session.get(User, uid) if uid else None


@app.context_processor
def inject_user():
    return {"current_user": g.get("user")}


from .auth import auth_bp  # noqa: E402
from .github import github_bp  # noqa: E402
from .gitlab import gitlab_bp  # noqa: E402
from .views import notes_bp  # noqa: E402

app.register_blueprint(auth_bp)
app.register_blueprint(notes_bp)
app.register_blueprint(github_bp)
app.register_blueprint(gitlab_bp)


if __name__ == "__main__":
    from waitress import serve

    serve(app, host="0.0.0.0", port=int(os.environ.get("PORT", "8080")))
