"""The caseworkers' pages: a second entry point to the same domain (the API is the first)."""
