#ifndef CLOUDCRED_CURRENT_CPU_H
#define CLOUDCRED_CURRENT_CPU_H

// Which CPU the calling thread runs on, for the refresh engine's core-local fast path
// (Sources/CredentialsCore/Engine/FastPathSlots.swift). On Linux, glibc answers from the
// restartable-sequences area the kernel keeps up to date (a few nanoseconds, no system call).

#if defined(__linux__)
// Declared here rather than through <sched.h>, which hides it unless _GNU_SOURCE was set
// before the first include of the C library (the Swift Glibc module does not set it).
extern int sched_getcpu(void);
#endif

/// The index of the CPU the calling thread runs on now, or -1 where the system cannot tell.
static inline int cloudcred_current_cpu(void) {
#if defined(__linux__)
    return sched_getcpu();
#else
    return -1;
#endif
}

#endif
