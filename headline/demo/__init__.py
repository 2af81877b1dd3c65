"""The demo newsroom that `manage.py load_demo` publishes: sections, authors, stories and pictures.

Everything here is fiction written for Headline (the country of Estmark, its capital Linden and its
neighbours), grouped into recurring storylines so listings, search and related articles have
realistic material to work with.
"""
