"""The disc project: the tree the user edits, its options, naming rules and capacity."""
