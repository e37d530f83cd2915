import Testing

// Placeholder: the FaultInjection suites of issue 7 go in this folder.
