"""The other yardstick (issue #15): the same single-row work as bench/bare_app.py written the
common way, FastAPI with pydantic models and the SQLAlchemy 2 async ORM (asyncpg driver, its
default pool), on the same table and server.

Run: DATABASE_URL=... BENCH_ORGANIZATION_ID=... uvicorn --factory bench.orm_app:create_app
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, date, datetime
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, Request
from pydantic import BaseModel
from sqlalchemy import Date, DateTime, Integer, String, Uuid
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from service.adapters.postgres.database import sqlalchemy_url


class Base(DeclarativeBase):
    pass


class MemberRow(Base):
    __tablename__ = "members"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    organization_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    display_name: Mapped[str | None] = mapped_column(String)
    timezone: Mapped[str | None] = mapped_column(String)
    external_ref: Mapped[str | None] = mapped_column(String)
    recovery_started_on: Mapped[date | None] = mapped_column(Date)
    contact_email: Mapped[str | None] = mapped_column(String)
    contact_phone: Mapped[str | None] = mapped_column(String)
    version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class MemberOut(BaseModel):
    model_config = {"from_attributes": True}

    id: uuid.UUID
    organization_id: uuid.UUID
    display_name: str | None
    timezone: str | None
    external_ref: str | None
    recovery_started_on: date | None
    contact_email: str | None
    contact_phone: str | None
    version: int
    created_at: datetime
    updated_at: datetime


class MemberIn(BaseModel):
    display_name: str
    timezone: str


async def _session(request: Request) -> AsyncIterator[AsyncSession]:
    sessions: async_sessionmaker[AsyncSession] = request.app.state.sessions
    async with sessions() as session:
        yield session


Session = Annotated[AsyncSession, Depends(_session)]


def create_app() -> FastAPI:
    dsn = os.environ["DATABASE_URL"]
    organization_id = uuid.UUID(os.environ["BENCH_ORGANIZATION_ID"])

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        engine = create_async_engine(sqlalchemy_url(dsn), pool_size=16, max_overflow=0)
        app.state.sessions = async_sessionmaker(engine, expire_on_commit=False)
        try:
            yield
        finally:
            await engine.dispose()

    app = FastAPI(lifespan=lifespan)

    @app.get("/orm/ping")
    async def ping() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/orm/members/{member_id}")
    async def get_member(member_id: uuid.UUID, session: Session) -> MemberOut:
        row = await session.get(MemberRow, member_id)
        if row is None:
            raise HTTPException(status_code=404)
        return MemberOut.model_validate(row)

    @app.post("/orm/members", status_code=201)
    async def create_member(data: MemberIn, session: Session) -> MemberOut:
        now = datetime.now(UTC)
        row = MemberRow(
            id=uuid.uuid4(),
            organization_id=organization_id,
            display_name=data.display_name,
            timezone=data.timezone,
            version=1,
            created_at=now,
            updated_at=now,
        )
        session.add(row)
        await session.commit()
        return MemberOut.model_validate(row)

    return app
