// The RegistryCredentials module; see docs/ARCHITECTURE.md.
