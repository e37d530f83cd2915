import Testing

// Placeholder: the BadInput suites of issue 7 go in this folder.
