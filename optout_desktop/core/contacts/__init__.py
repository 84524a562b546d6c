"""Contacts: import them from a file, list, search and delete them."""
