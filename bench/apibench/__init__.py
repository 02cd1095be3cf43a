"""Parts of bench/api.py: seeding, the raw-SQL baseline of (a), and the row comparison."""
