// stdin-from FILE PROGRAM [ARGUMENT…]: opens FILE as standard input and execs PROGRAM (no shell, no fork).
// hyperfine 1.15 has no --input; with `hyperfine -N 'stdin-from host.txt docker-credential-… get'` both helpers
// read the server URL from stdin as docker sends it. Its own cost is measured as `stdin-from FILE exec-floor`.
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc < 3) {
        fputs("usage: stdin-from FILE PROGRAM [ARGUMENT...]\n", stderr);
        return 2;
    }
    int fd = open(argv[1], O_RDONLY | O_CLOEXEC);
    if (fd < 0 || dup2(fd, 0) < 0) {
        perror(argv[1]);
        return 2;
    }
    execv(argv[2], argv + 2);
    perror(argv[2]);
    return 127;
}
