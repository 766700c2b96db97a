import django.db.models.deletion
from django.db import migrations, models


def copy_legacy_codes(apps, schema_editor):
    import hashlib
    from datetime import timedelta

    from django.utils import timezone

    LegacyAccessCode = apps.get_model("accounts", "LegacyAccessCode")
    ProxyGrant = apps.get_model("accounts", "ProxyGrant")
    expires = timezone.now() + timedelta(days=30)
    for legacy in LegacyAccessCode.objects.select_related("patient"):
        ProxyGrant.objects.create(
            patient=legacy.patient,
            grantee_name="migrated",
            code_hash=hashlib.sha256(legacy.code.encode()).hexdigest(),
            expires_at=expires,
        )


class Migration(migrations.Migration):

    dependencies = [
        ("accounts", "0002_patient_role_and_cleanup"),
    ]

    operations = [
        migrations.CreateModel(
            name="ProxyGrant",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("grantee_name", models.CharField(max_length=150)),
                ("code_hash", models.CharField(max_length=64, unique=True)),
                ("expires_at", models.DateTimeField()),
                ("patient", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE,
                                              related_name="proxy_grants", to="accounts.patient")),
            ],
        ),
        migrations.RunPython(copy_legacy_codes, migrations.RunPython.noop),
        migrations.DeleteModel(name="LegacyAccessCode"),
        migrations.DeleteModel(name="RevokedKioskToken"),
    ]
