"""The editor's models: a draft with undoable commands, its autosave and its preview."""
