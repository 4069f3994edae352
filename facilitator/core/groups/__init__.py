"""Groups: participants, the rounds of groups a timeline asks for, repeat-free schedules."""
