package org.reelflow.cli;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A terminal for tests: captured output and error, a scripted standard input, a chosen style. */
final class TestTerminal {

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final Terminal terminal;

    TestTerminal(Style style, boolean stdinIsTerminal, String input) {
        terminal = new Terminal(new PrintStream(out, true, StandardCharsets.UTF_8),
                                new PrintStream(err, true, StandardCharsets.UTF_8),
                                new BufferedReader(new StringReader(input)), stdinIsTerminal, style,
                                Map.<String, String>of()::get, System::nanoTime);
    }

    static TestTerminal plain() {
        return new TestTerminal(new Style(false, true, 120), false, "");
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
