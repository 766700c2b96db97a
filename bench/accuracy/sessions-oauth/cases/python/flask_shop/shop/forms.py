from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, IntegerField, PasswordField, SelectField, StringField
from wtforms.validators import DataRequired, Email, EqualTo, Length, NumberRange


class LoginForm(FlaskForm):
    email = EmailField("Email", validators=[DataRequired(), Email()])
    password = PasswordField("Password", validators=[DataRequired()])
    remember = BooleanField("Keep me signed in")


class SignupForm(FlaskForm):
    name = StringField("Name", validators=[DataRequired(), Length(max=80)])
    email = EmailField("Email", validators=[DataRequired(), Email()])
    password = PasswordField("Password", validators=[DataRequired(), Length(min=12)])
    confirm = PasswordField("Repeat password", validators=[EqualTo("password")])


class ChangePasswordForm(FlaskForm):
    current = PasswordField("Current password", validators=[DataRequired()])
    new = PasswordField("New password", validators=[DataRequired(), Length(min=12)])
    confirm = PasswordField("Repeat new password", validators=[EqualTo("new")])


class AddToCartForm(FlaskForm):
    quantity = IntegerField("Quantity", default=1, validators=[NumberRange(min=1, max=20)])


class PreferencesForm(FlaskForm):
    currency = SelectField("Currency", choices=[("EUR", "EUR"), ("USD", "USD"), ("GBP", "GBP")])
    theme = SelectField("Theme", choices=[("light", "Light"), ("dark", "Dark")])
