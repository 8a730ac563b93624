// Header-only: declares libFuzzer's driver for the Swift fuzz targets.
#include "NatoWatchFuzzDriver.h"
