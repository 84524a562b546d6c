"""The Qt-free engine: files, addresses, the database, imports and exports."""
