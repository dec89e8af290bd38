"""Engines behind :func:`pipeline.engine.extract_articles` that need more than the standard library."""
