"""vnnews pipeline: the Article record, readers, the stage runner, scraping and loading."""

__version__ = "0.1.0"
