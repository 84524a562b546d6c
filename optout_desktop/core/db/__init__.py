"""The database: models, opening, plain errors, schema and migrations, SQLite or PostgreSQL."""
