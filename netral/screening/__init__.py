"""Screening: bulk triage of social-media exports, with roster candidates, on Dask.

Pure Python (no Django): the `netral screen` command (`netral.commands.screen`) reads the
roster from the database and imports findings into cases; everything here runs alike in
the command, in tests and on Dask workers.

- ``plan_partitions(paths, size) -> list[Partition]``: the input cut into partitions;
- ``screen_partition(partition, out_dir, shared) -> PartStats``: one partition screened
  and written (what a worker runs);
- ``run(...) -> Summary``: the whole run on a local or remote Dask cluster, resumable.
"""
