#ifndef CPSEUDOTERMINAL_H
#define CPSEUDOTERMINAL_H

#include <sys/types.h>

// Starts `path` with `argv` and `envp` in a new session whose controlling
// terminal is a new pseudo-terminal of `columns` x `rows`, so that the program
// sees a real TTY and Ctrl-C (0x03) written to the master becomes SIGINT.
// Returns the child's pid and stores the master side in *master; -1 on failure.
pid_t cpty_spawn(const char *path, char *const argv[], char *const envp[],
                 unsigned short columns, unsigned short rows, int *master);

#endif
