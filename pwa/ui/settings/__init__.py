"""Settings: appearance, cues, the quick-log places, where the data lives."""
