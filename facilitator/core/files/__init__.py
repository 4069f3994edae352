"""Files on disk: reading and atomic writing of JSON, paths, validation, problems."""
