// The whole shim is the inline function in include/CCurrentCPU.h; a C target needs one source file.
#include "CCurrentCPU.h"
