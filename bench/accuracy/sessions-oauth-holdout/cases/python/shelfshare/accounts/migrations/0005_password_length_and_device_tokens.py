from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("accounts", "0004_member_card_credentials"),
    ]

    operations = [
        migrations.AlterField(model_name="member", name="password", field=models.CharField(max_length=128, verbose_name="password")),
        migrations.AddField(
            model_name="member",
            name="email_reminders",
            field=models.BooleanField(default=True),
        ),
        migrations.AddField(
            model_name="member",
            name="sms_reminders",
            field=models.BooleanField(default=False),
        ),
        migrations.DeleteModel(name="RevokedDeviceToken"),
    ]
