"""Imported by the local engine's fork server: loads every stage and its data files once, so the
worker processes forked from it start with them in memory (see :func:`pipeline.engine.worker_context`)."""

from pipeline.engine import warm_worker

warm_worker()
