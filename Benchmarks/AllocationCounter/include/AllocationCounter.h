// Counts heap allocations of the benchmark process (issue 6, benchmark 4): malloc, calloc, realloc,
// posix_memalign, aligned_alloc and memalign are interposed and forwarded to glibc's own implementations.
#ifndef CLOUDCRED_ALLOCATION_COUNTER_H
#define CLOUDCRED_ALLOCATION_COUNTER_H

/// How many allocations this process has made so far (all threads).
unsigned long cloudcred_allocation_count(void);

#endif
