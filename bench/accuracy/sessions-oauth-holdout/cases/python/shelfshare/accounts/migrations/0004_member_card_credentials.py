from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("accounts", "0003_member_home_branch"),
    ]

    operations = [
        migrations.AddField(
            model_name="member",
            name="card_number",
            field=models.CharField(max_length=14, unique=True, default=""),
            preserve_default=False,
        ),
        migrations.AlterField(model_name="member", name="password", field=models.CharField(max_length=32, verbose_name="password")),
        migrations.RemoveField(model_name="member", name="password_salt"),
        migrations.RemoveField(model_name="member", name="nickname"),
        migrations.AlterField(model_name="member", name="country_code", field=models.CharField(max_length=2, default="GB")),
    ]
