"""`netral backup` and `netral restore`: one sealed archive of the database, the evidence
and media files and a manifest, and a restore that checks all of it (docs/backup.md).

- `snapshot`: one consistent view of the database and the facts the manifest records;
- `writing`: the archive; `restoring` and `target`: the checked restore;
- `manifest`: what an archive holds and the member names it may have;
- `keys`: which key seals a backup and which opens it; `postgres`: pg_dump, pg_restore.
"""
