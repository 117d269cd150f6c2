#include <stdio.h>
#include <editline/readline.h>

// Swift 6 refuses direct use of libedit's mutable globals; these setters are the
// only way the REPL touches them.
typedef char **(*clineedit_completion_fn)(const char *text, int start, int end);

static inline void clineedit_set_completer(clineedit_completion_fn fn) {
    rl_attempted_completion_function = fn;
}
static inline void clineedit_set_word_break_characters(const char *chars) {
    rl_basic_word_break_characters = (char *)chars;
}
static inline void clineedit_suppress_filename_completion(void) {
    rl_attempted_completion_over = 1;
}
static inline void clineedit_set_completion_append_character(int c) {
    rl_completion_append_character = c;
}
static inline const char *clineedit_line_buffer(void) {
    return rl_line_buffer;
}
static inline void clineedit_set_readline_name(const char *name) {
    rl_readline_name = (char *)name;
}

#include <signal.h>
#include <sys/select.h>

// Waits until `fd` is readable with the signal mask `mask` in force only while
// waiting (pselect), so a signal is either taken before the wait or ends it.
static inline int clineedit_wait_for_input(int fd, const sigset_t *mask) {
    fd_set readable;
    FD_ZERO(&readable);
    FD_SET(fd, &readable);
    return pselect(fd + 1, &readable, NULL, NULL, NULL, mask);
}
