import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Attendee",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("email", models.EmailField(max_length=254, unique=True)),
                ("phone", models.CharField(blank=True, max_length=20)),
                ("password", models.CharField(blank=True, max_length=128)),
            ],
        ),
        migrations.CreateModel(
            name="Event",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("title", models.CharField(max_length=200)),
                ("starts_at", models.DateTimeField()),
                ("capacity", models.PositiveIntegerField(default=100)),
                ("organizer", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT,
                                                to=settings.AUTH_USER_MODEL)),
            ],
        ),
        migrations.CreateModel(
            name="RevokedTicketToken",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("jti", models.CharField(max_length=64, unique=True)),
            ],
        ),
        migrations.CreateModel(
            name="Rsvp",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("status", models.CharField(default="going", max_length=10)),
                ("attendee", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE,
                                               related_name="rsvps", to="tickets.attendee")),
                ("event", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE,
                                            related_name="rsvps", to="tickets.event")),
            ],
            options={"unique_together": {("event", "attendee")}},
        ),
    ]
