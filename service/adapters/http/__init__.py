"""The HTTP edge (Litestar): controllers, schemas, auth, problem+json, idempotency."""
