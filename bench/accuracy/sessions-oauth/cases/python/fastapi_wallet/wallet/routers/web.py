from urllib.parse import urlsplit

from fastapi import APIRouter, Query, Request
from fastapi.responses import RedirectResponse

router = APIRouter(tags=["web"])

DESTINATIONS = {
    "settings": "/app/settings",
    "cards": "/app/cards",
    "help": "https://help.wallet.example.com",
}


def is_internal_path(target: str) -> bool:
    parts = urlsplit(target)
    return (not parts.scheme and not parts.netloc and target.startswith("/")
            and not target.startswith("//") and "\\" not in target)


@router.get("/go")
def go(next: str = "/app"):
    return RedirectResponse(url=next)


@router.get("/continue")
def continue_flow(request: Request):
    return RedirectResponse(request.query_params.get("continue", "/app"), status_code=303)


@router.get("/checkout/return")
def checkout_return(return_url: str = Query("/app/activity")):
    if return_url.startswith("/"):
        return RedirectResponse(return_url, status_code=303)
    return RedirectResponse("/app/activity", status_code=303)


@router.get("/back")
def back(request: Request):
    return RedirectResponse(request.headers.get("referer", "/app"))


@router.get("/open")
def open_internal(next: str = "/app"):
    if is_internal_path(next):
        return RedirectResponse(next)
    return RedirectResponse("/app")


@router.get("/to/{name}")
def named_destination(name: str):
    return RedirectResponse(DESTINATIONS.get(name, "/app"))


@router.get("/activity/{transfer_id}")
def activity_shortcut(transfer_id: int, request: Request):
    return RedirectResponse(str(request.url_for("transfer_detail", transfer_id=transfer_id)))


@router.get("/app/transfers/{transfer_id}", name="transfer_detail")
def transfer_detail(transfer_id: int):
    return {"transfer_id": transfer_id}
