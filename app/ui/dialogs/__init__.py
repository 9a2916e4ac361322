"""The application dialogs: About and Preferences."""
