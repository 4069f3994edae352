"""The vocabulary of a workshop: texts in several languages, structures, steps, question sets."""
