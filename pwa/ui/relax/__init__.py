"""Relaxation: the hub, breathing and PMR sessions, the pattern editor, and the runner they share."""
