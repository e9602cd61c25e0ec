package org.reelflow.cli;

/** A command line the CLI refuses before doing anything: one line for the person, exit code 2. */
public final class UsageException extends Exception {

    public UsageException(String message) {
        super(message);
    }
}
