import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("board", "0002_legacymember_rehash"),
    ]

    operations = [
        migrations.CreateModel(
            name="ApiRefreshToken",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("jti", models.CharField(max_length=64, unique=True)),
                ("issued_at", models.DateTimeField(auto_now_add=True)),
                ("user", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE,
                                           related_name="refresh_tokens", to=settings.AUTH_USER_MODEL)),
            ],
        ),
        migrations.AddField(model_name="memberprofile", name="discord_id",
                            field=models.CharField(max_length=32, null=True, unique=True)),
        migrations.AlterField(model_name="memberprofile", name="signature",
                              field=models.CharField(blank=True, max_length=300)),
        migrations.AddIndex(model_name="apirefreshtoken",
                            index=models.Index(fields=["user", "issued_at"], name="board_rt_user_issued_idx")),
        migrations.RemoveField(model_name="memberprofile", name="nickname"),
        migrations.RemoveField(model_name="memberprofile", name="token_version"),
        migrations.DeleteModel(name="RevokedApiToken"),
    ]
