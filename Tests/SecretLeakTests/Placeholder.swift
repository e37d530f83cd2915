import Testing

// Placeholder: the SecretLeak suites of issue 7 go in this folder.
