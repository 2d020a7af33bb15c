"""What lets a later run redo only what its input changed: the cache, the reads each page made, and which pages are stale."""
