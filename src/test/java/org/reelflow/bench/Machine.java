package org.reelflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** One line describing where a benchmark ran: CPU model, cores, RAM, OS, kernel, JDK. */
final class Machine {

    private Machine() {
    }

    static String describe() {
        String cpu = first(lines("/proc/cpuinfo"), "model name", "?");
        String mem = first(lines("/proc/meminfo"), "MemTotal", "?");
        String os = first(lines("/etc/os-release"), "PRETTY_NAME", "?").replace("\"", "");
        String kernel = lines("/proc/sys/kernel/osrelease").stream().findFirst().orElse("?");
        long memKb = mem.replaceAll("\\D", "").isEmpty() ? 0 : Long.parseLong(mem.replaceAll("\\D", ""));
        return String.format(java.util.Locale.ROOT, "%s, %d cores, %.1f GiB RAM, %s (kernel %s), %s %s",
                             cpu, Runtime.getRuntime().availableProcessors(), memKb / 1048576.0, os, kernel,
                             System.getProperty("java.vm.vendor"), System.getProperty("java.runtime.version"));
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(Path.of(file));
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String first(List<String> lines, String key, String fallback) {
        for (String l : lines) {
            if (l.startsWith(key)) {
                int sep = l.indexOf(l.contains(":") && !key.equals("PRETTY_NAME") ? ':' : '=');
                return l.substring(sep + 1).trim();
            }
        }
        return fallback;
    }
}
