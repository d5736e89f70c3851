package dev.outpost.profiles.sync;

/** What was being done when the server failed, which decides what the user is told still works. */
enum Operation {
    SYNC,
    PUSH
}
