package org.reelflow.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The few ANSI sequences the display writes, applied to a grid of lines — what a terminal would show: text,
 * newline, carriage return, cursor up (ESC[nA), clear line (ESC[2K), clear to the end of screen (ESC[J), and
 * cursor visibility (ESC[?25l / ESC[?25h), which is tracked.
 */
final class Screen {

    private final List<StringBuilder> rows = new ArrayList<>();
    private int row;
    private int col;
    boolean cursorVisible = true;

    Screen(String output) {
        rows.add(new StringBuilder());
        int i = 0;
        while (i < output.length()) {
            char c = output.charAt(i);
            if (c == '\033' && i + 1 < output.length() && output.charAt(i + 1) == '[') {
                int j = i + 2;
                while (j < output.length() && !Character.isLetter(output.charAt(j))) {
                    j++;
                }
                String arg = output.substring(i + 2, j);
                char cmd = output.charAt(j);
                switch (cmd) {
                    case 'A' -> row = Math.max(0, row - (arg.isEmpty() ? 1 : Integer.parseInt(arg)));
                    case 'K' -> rows.get(row).setLength(0);
                    case 'J' -> {
                        rows.get(row).setLength(Math.min(col, rows.get(row).length()));
                        while (rows.size() > row + 1) {
                            rows.removeLast();
                        }
                    }
                    case 'l' -> cursorVisible = !arg.equals("?25") && cursorVisible;
                    case 'h' -> cursorVisible = cursorVisible || arg.equals("?25");
                    default -> throw new IllegalArgumentException("unexpected sequence ESC[" + arg + cmd);
                }
                i = j + 1;
                continue;
            }
            if (c == '\n') {
                row++;
                col = 0;
                while (rows.size() <= row) {
                    rows.add(new StringBuilder());
                }
            } else if (c == '\r') {
                col = 0;
            } else {
                StringBuilder r = rows.get(row);
                while (r.length() < col) {
                    r.append(' ');
                }
                if (col < r.length()) {
                    r.setCharAt(col, c);
                } else {
                    r.append(c);
                }
                col++;
            }
            i++;
        }
    }

    /** The non-empty rows, trailing spaces removed. */
    List<String> lines() {
        return rows.stream().map(r -> r.toString().stripTrailing()).filter(s -> !s.isEmpty()).toList();
    }
}
