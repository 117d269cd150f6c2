#define _GNU_SOURCE
#include "CPseudoTerminal.h"

#include <pty.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

pid_t cpty_spawn(const char *path, char *const argv[], char *const envp[],
                 unsigned short columns, unsigned short rows, int *master) {
    struct winsize size = {.ws_row = rows, .ws_col = columns};
    pid_t pid = forkpty(master, NULL, NULL, &size);
    if (pid == 0) {
        // Only async-signal-safe calls between fork and exec. The test runner's
        // threads block signals; a terminal program must start with none blocked.
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, NULL);
        signal(SIGINT, SIG_DFL);
        execve(path, argv, envp);
        _exit(127);
    }
    return pid;
}
