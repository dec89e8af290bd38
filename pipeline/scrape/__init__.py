"""Scraping: discover, fetch and parse news pages into raw article records.

One module per concern, in the order a page meets them:

- ``sources.py`` / ``sources.yaml``: the registry of sites (discovery, article-URL pattern, selectors)
- ``settings.py``: politeness and limits (User-Agent, delay, timeouts, retries, size cap)
- ``discover.py``: RSS, Atom, sitemaps and listing pages -> article URLs
- ``fetch.py`` (with ``robots.py``, ``charset.py``, ``urls.py``): one polite HTTP client
- ``parse.py`` (with ``classify.py``, ``metadata.py``, ``dates.py``, ``htmltext.py``): page -> article
- ``crawl.py``: the loop and its item pipeline (steps that return the page or raise ``Drop``)
- ``store.py`` / ``state.py``: JSON records under ``data/raw/<source>/`` and the SQLite crawl state
"""
