"""Use cases: one small async function per command or query."""
