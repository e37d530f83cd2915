// The floor of a process start-up measurement: a static binary that does nothing and exits 0 (like /bin/true,
// which is dynamically linked). Built by scripts/bench with `cc -O2 -static`.
int main(void) { return 0; }
