class BackendUnavailable(Exception):
    """The search engine could not be reached; the caller falls back to the database."""
