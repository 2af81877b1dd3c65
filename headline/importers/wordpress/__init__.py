"""The WordPress export (WXR) importer: posts, pages, terms, authors, media and comments."""
