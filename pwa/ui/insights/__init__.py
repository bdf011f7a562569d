"""Patterns in the log and the report for the doctor."""
