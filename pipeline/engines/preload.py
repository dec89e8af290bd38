"""Imported by the local engine's fork server: loads every stage and its data files once, so the
worker processes forked from it start with them in memory (see :func:`pipeline.engine.worker_context`).

The loaded objects are then moved out of the garbage collector's sight (``gc.freeze``): a
collection in a worker would otherwise walk them and write to every page that holds one, copying
the pages the fork shares with the fork server.
"""

import gc

from pipeline.engine import warm_worker

warm_worker()
gc.freeze()
