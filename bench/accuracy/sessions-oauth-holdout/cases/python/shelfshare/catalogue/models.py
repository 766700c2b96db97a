from django.db import models


class Work(models.Model):
    title = models.CharField(max_length=300)
    author = models.CharField(max_length=200)
    isbn = models.CharField(max_length=13, blank=True)
    added_on = models.DateTimeField(auto_now_add=True)


class Copy(models.Model):
    work = models.ForeignKey(Work, on_delete=models.CASCADE, related_name="copies")
    barcode = models.CharField(max_length=20, unique=True)
    branch = models.ForeignKey("accounts.Branch", on_delete=models.PROTECT)
