"""BFS Companion: a calm, offline companion for benign fasciculation syndrome."""

APP_NAME = "BFS Companion"
APP_SLUG = "bfs-companion"
__version__ = "0.1.0"
