"""Rendering: the pages' addresses and links, their Markdown, and the templates that make them."""
