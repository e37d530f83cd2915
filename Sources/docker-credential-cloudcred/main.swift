// docker-credential-cloudcred: the Docker credential helper.
// Started by docker, podman, skopeo, buildah and nerdctl on every registry operation, so it links only
// CredentialsCore and RegistryCredentials (no Foundation, NIO or argument parser) and answers what it can by itself.
import CredentialsCore

#if canImport(Glibc)
import Glibc
#endif

exit(HelperMain.run(arguments: CommandLine.arguments, environment: Environment.process))
