"""What people see, as plain data: the card, the console, previews, the sheet, browsing."""
