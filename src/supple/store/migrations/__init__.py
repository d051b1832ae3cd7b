"""The Alembic migrations of the store's schema (run by ``supple.store.migrate``)."""

__all__: list[str] = []
