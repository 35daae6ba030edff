// The GNU Linear Programming Kit's C API (Debian: libglpk-dev), for the
// planner's exact mode (MissionMatchExact).
#ifndef MISSIONMATCH_CGLPK_SHIM_H
#define MISSIONMATCH_CGLPK_SHIM_H
#include <glpk.h>
#endif
