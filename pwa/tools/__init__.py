"""Developer tools that build files for the repository or the web build; never loaded by the app."""
