"""OptOut Desktop: keep an email suppression list on a laptop, offline."""

__version__ = "0.1.0"
