"""Reading a file people bring: sniff it, open it, pick the email column, clean its cells."""
