"""Adapters at the edge: files, storage and the web client. Each sits behind a small interface."""
