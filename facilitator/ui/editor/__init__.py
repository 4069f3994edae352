"""The editor: a window per structure or question set, with its form and live preview."""
