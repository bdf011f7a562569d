"""Flet screens: layout and event wiring only; rules live in `pwa.core`."""
