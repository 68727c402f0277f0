/* For the checks under Wine only (.ci/windows): Wine 8 has no bcryptprimitives.dll,
 * whose ProcessPrng the Rust standard library imports for its random numbers (hash
 * map seeds). This stand-in answers with the system's RtlGenRandom, which Wine has.
 * It is never shipped: Windows 10 and later have the real one. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk)) {
            return FALSE;
        }
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
