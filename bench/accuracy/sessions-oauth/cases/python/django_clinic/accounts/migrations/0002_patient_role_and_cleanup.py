from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("accounts", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="patient",
            name="role",
            field=models.CharField(default="patient", max_length=20),
        ),
        migrations.AddField(
            model_name="patient",
            name="email_reminders",
            field=models.BooleanField(default=True),
        ),
        migrations.AddField(
            model_name="patient",
            name="sms_reminders",
            field=models.BooleanField(default=False),
        ),
        migrations.RemoveField(model_name="patient", name="legacy_avatar"),
        migrations.AlterField(model_name="patient", name="mrn",
                              field=models.CharField(max_length=20, null=True, unique=True,
                                                     verbose_name="medical record number")),
        migrations.AlterField(model_name="patient", name="password",
                              field=models.CharField(max_length=255, verbose_name="password")),
    ]
