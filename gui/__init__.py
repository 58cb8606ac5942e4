"""The window: Qt widgets and item models over the engine's objects (core/)."""
