"""The symptom log: quick log, entry form and its fields, history and month view, check-in, export and import."""
