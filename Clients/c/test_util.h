/* Tiny test helpers shared by test_vectors.c and test_live.c. */
#ifndef THIDUA_TEST_UTIL_H
#define THIDUA_TEST_UTIL_H

#include <stdio.h>

static int tests_passed;
static int tests_failed;

#define CHECK(cond, ...)                                                                        \
    do {                                                                                        \
        if (cond) {                                                                             \
            tests_passed++;                                                                     \
        } else {                                                                                \
            tests_failed++;                                                                     \
            fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__);                                \
            fprintf(stderr, __VA_ARGS__);                                                       \
            fputc('\n', stderr);                                                                \
        }                                                                                       \
    } while (0)

static int tests_summary(void)
{
    printf("%d passed, %d failed\n", tests_passed, tests_failed);
    fflush(stdout);
    return tests_failed == 0 ? 0 : 1;
}

#endif
