import Testing

// Placeholder: the FileSafety suites of issue 7 go in this folder.
