// cloudcred doctor; see docs/TROUBLESHOOTING.md.
