// The HuaweiCloudCredentials module; see docs/ARCHITECTURE.md.
