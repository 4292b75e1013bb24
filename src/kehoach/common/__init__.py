"""Helpers every stage may use: findings and errors, messages in two languages, Vietnamese text, safe
file writes, a child process group, cached zip reads, shipped data, Decree 30 measures and text widths."""
