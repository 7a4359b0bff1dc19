"""Security helpers the public-facing apps share, free of Django.

- `sniff`: what an uploaded file really is, from its first bytes;
- `images`, `pdfs`, `video`: inspect identifying metadata and make cleaned viewing copies;
- `crypto`: field encryption with rotating keys, keyed hashes, receipt codes and secrets;
- `ratelimit`: windowed keys for counting requests without storing client addresses.

Nothing here imports Django, so the same code serves the web app, the CLI and tests;
callers pass keys and limits in.
"""
