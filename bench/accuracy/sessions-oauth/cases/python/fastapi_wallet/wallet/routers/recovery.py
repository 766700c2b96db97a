import hashlib
import secrets

from fastapi import APIRouter, BackgroundTasks, Depends, HTTPException, status
from pydantic import BaseModel, EmailStr, Field
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db import get_db
from ..models import User
from ..security import hash_password

router = APIRouter(prefix="/recovery", tags=["recovery"])


class ResetRequestIn(BaseModel):
    email: EmailStr


class ResetConfirmIn(BaseModel):
    token: str
    new_password: str = Field(min_length=12)


def _send_reset_mail(email: str, token: str) -> None:
    # handed to the mail relay; the token itself is never stored
    print(f"queue reset mail for {email}")


@router.post("/request", status_code=202)
def request_reset(body: ResetRequestIn, tasks: BackgroundTasks, db: Session = Depends(get_db)):
    user = db.scalar(select(User).where(User.email == body.email.lower()))
    if user is not None:
        token = secrets.token_urlsafe(32)
        user.reset_token_hash = hashlib.sha256(token.encode()).hexdigest()
        db.commit()
        tasks.add_task(_send_reset_mail, user.email, token)
    return {"detail": "if the address exists, a reset mail is on its way"}


@router.post("/confirm", status_code=204)
def confirm_reset(body: ResetConfirmIn, db: Session = Depends(get_db)):
    digest = hashlib.sha256(body.token.encode()).hexdigest()
    user = db.scalar(select(User).where(User.reset_token_hash == digest))
    if user is None:
        raise HTTPException(status.HTTP_400_BAD_REQUEST, "invalid or used reset token")
    user.password_hash = hash_password(body.new_password)
    user.reset_token_hash = None
    db.commit()
