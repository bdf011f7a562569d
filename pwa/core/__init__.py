"""The pure domain of the app: no flet, no tinydb, no asyncio (enforced by a test)."""
