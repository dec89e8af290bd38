"""Scraping: discover, fetch and parse news pages into raw article records."""
