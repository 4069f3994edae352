"""Session plans: their format, schedule, fitting, compiling to one timeline, the agenda."""
