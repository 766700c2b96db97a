"""FleetLog: driver logbooks, dispatch and telematics for a regional courier fleet."""
import logging

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from .routers import auth, dispatch, integrations
from .settings import settings

logging.basicConfig(level=settings.log_level)

app = FastAPI(title="FleetLog", version="3.4.1", docs_url="/internal/docs" if settings.expose_docs else None)

app.add_middleware(
    CORSMiddleware,
    allow_origins=settings.cors_origins,
    allow_methods=["GET", "POST", "PATCH", "DELETE"],
    allow_headers=["Authorization", "Content-Type"],
)

app.include_router(auth.router)
app.include_router(dispatch.router)
app.include_router(integrations.router)


@app.get("/healthz", include_in_schema=False)
def healthz():
    return {"ok": True}
