#ifndef NATOWATCH_FUZZ_DRIVER_H
#define NATOWATCH_FUZZ_DRIVER_H
#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (compiler-rt, LLVM >= 12), linked in by -sanitize=fuzzer. SwiftPM links an
/// executable target's entry as `<Target>_main`, so the fuzz targets define that and call this.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*UserCb)(const uint8_t *Data, size_t Size));

#endif
