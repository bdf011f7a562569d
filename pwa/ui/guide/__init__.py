"""The guide: chapter list, chapter reader, offline search."""
