// The RegistryLogin module; see docs/ARCHITECTURE.md.
