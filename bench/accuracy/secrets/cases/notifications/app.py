from flask import Flask
from flask_jwt_extended import JWTManager

app = Flask(__name__)
app.secret_key = "dev"
app.config["JWT_SECRET_KEY"] = "super-secret"
app.config["JWT_TOKEN_LOCATION"] = ["headers"]
jwt = JWTManager(app)
