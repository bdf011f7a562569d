"""The app frame: navigation, views, theme, and the shared state every screen reads."""
