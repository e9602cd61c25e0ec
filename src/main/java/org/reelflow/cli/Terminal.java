package org.reelflow.cli;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * What a command talks to: standard output (the display, results), standard error (errors, warnings),
 * standard input (answers) and whether it is a person at a terminal. Tests build their own.
 */
public record Terminal(PrintStream out,
                       PrintStream err,
                       BufferedReader in,
                       boolean stdinIsTerminal,
                       Style style,
                       Function<String, String> env,
                       LongSupplier nanos) {

    /** This process's streams, in the encoding standard output uses. */
    public static Terminal system() {
        Charset charset = charset();
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, charset);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, charset);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, charset));
        return new Terminal(out, err, in, Style.isTerminal(0), Style.detect(System::getenv, charset), System::getenv,
                            System::nanoTime);
    }

    private static Charset charset() {
        String name = System.getProperty("stdout.encoding");
        try {
            return name == null ? Charset.defaultCharset() : Charset.forName(name);
        } catch (RuntimeException e) {
            return Charset.defaultCharset();
        }
    }
}
