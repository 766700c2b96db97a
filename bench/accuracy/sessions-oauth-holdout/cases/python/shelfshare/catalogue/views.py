"""Public catalogue search; also called by the partner libraries' OPAC widgets."""
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET

from .models import Work


def home(request):
    recent = Work.objects.order_by("-added_on")[:12]
    return render(request, "catalogue/home.html", {"recent": recent})


@csrf_exempt
@require_GET
def search(request):
    q = request.GET.get("q", "").strip()
    works = Work.objects.all()
    if q:
        works = works.filter(Q(title__icontains=q) | Q(author__icontains=q) | Q(isbn=q))
    page = Paginator(works.order_by("title"), 25).get_page(request.GET.get("page"))
    return JsonResponse({
        "results": [{"id": w.pk, "title": w.title, "author": w.author} for w in page],
        "page": page.number,
        "pages": page.paginator.num_pages,
    })
