"""Documents: the file format of structures and question sets, the library, sharing, drafts."""
