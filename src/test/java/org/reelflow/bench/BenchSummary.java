package org.reelflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the per-run lines {@link SseFanoutBench} appended to a results file and prints, as Markdown ready for
 * docs/benchmarks.md, the machine, then the median and the range of each figure over the runs of each size.
 * Usage: {@code BenchSummary <results.tsv> [command line to quote]}.
 */
public final class BenchSummary {

    /** key in the results file, how the row is labelled. */
    private static final String[][] ROWS = {
            {"connected", "subscribers connected"},
            {"connect_total_ms", "connect all (ms)"},
            {"connect_p99_ms", "connect p99 per connection (ms)"},
            {"first_p50_ms", "first publish p50 (ms)"},
            {"first_p99_ms", "first publish p99 (ms)"},
            {"first_max_ms", "first publish max (ms)"},
            {"warm_p99_median_ms", "warm: median of per-publish p99 (ms)"},
            {"warm_p50_ms", "warm: overall p50 (ms)"},
            {"warm_p99_ms", "warm: overall p99 (ms)"},
            {"warm_max_ms", "warm: overall max (ms)"},
            {"emit_ms_0subs", "Job.emit with no subscriber (ms)"},
            {"emit_ms_warm_median", "Job.emit, warm, median (ms)"},
            {"heap_base_mb", "live heap before (MB)"},
            {"heap_idle_mb", "live heap with subscribers idle (MB)"},
            {"heap_per_sub_b", "live heap per idle subscriber (B)"},
            {"rss_base_mb", "RSS before (MB)"},
            {"rss_idle_mb", "RSS with subscribers idle (MB)"},
            {"rss_per_sub_kib", "RSS growth per idle subscriber (KiB)"},
            {"rss_per_sub_after_pub_kib", "RSS growth per subscriber after publishing (KiB)"},
            {"threads_base", "server threads before"},
            {"threads_idle", "server threads with subscribers"},
            {"server_cpu_us_per_delivery", "server CPU per delivered event (us)"},
            {"client_cpu_us_per_delivery", "client CPU per delivered event (us)"},
            {"events_missing", "events missing (drops)"},
            {"drain_s", "registry drained after close (s)"},
            {"load_start", "load average at start (1/5 min)"},
    };

    private BenchSummary() {
    }

    public static void main(String[] args) throws IOException {
        List<Map<String, String>> runs = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            if (line.isBlank()) {
                continue;
            }
            Map<String, String> run = new LinkedHashMap<>();
            for (String field : line.split("\t")) {
                int eq = field.indexOf('=');
                run.put(field.substring(0, eq), field.substring(eq + 1));
            }
            runs.add(run);
        }
        Map<String, List<Map<String, String>>> groups = new LinkedHashMap<>();
        for (Map<String, String> run : runs) {
            groups.computeIfAbsent(run.get("n") + " subscribers, " + run.get("label"), k -> new ArrayList<>()).add(run);
        }
        StringBuilder md = new StringBuilder();
        md.append("Machine: ").append(Machine.describe()).append("\n\n");
        if (args.length > 1) {
            md.append("Command: `").append(args[1]).append("`  \n");
        }
        Map<String, String> first = runs.getFirst();
        md.append("Date: ").append(first.get("date")).append("; server JVM flags: ").append(first.get("server_opts"))
          .append("; SSE heartbeat ").append(first.get("heartbeat")).append("\n\n");
        md.append("| figure (median, [min–max]) |");
        groups.forEach((k, v) -> md.append(' ').append(k).append(" (").append(v.size()).append(" runs) |"));
        md.append("\n|---|");
        groups.forEach((k, v) -> md.append("---|"));
        md.append('\n');
        for (String[] row : ROWS) {
            md.append("| ").append(row[1]).append(" |");
            for (List<Map<String, String>> g : groups.values()) {
                md.append(' ').append(cell(g, row[0])).append(" |");
            }
            md.append('\n');
        }
        long failed = runs.stream().filter(r -> !"true".equals(r.get("ok"))).count();
        md.append("\nRuns that failed a check (drop, missing subscriber, registry not drained): ").append(failed)
          .append(" of ").append(runs.size()).append('\n');
        System.out.print(md);
    }

    private static String cell(List<Map<String, String>> runs, String key) {
        List<String> raw = runs.stream().map(r -> r.getOrDefault(key, "?")).toList();
        double[] v = new double[raw.size()];
        for (int i = 0; i < v.length; i++) {
            try {
                v[i] = Double.parseDouble(raw.get(i));
            } catch (NumberFormatException e) {
                return String.join(", ", raw);       // not a number (e.g. the load average): list every run
            }
        }
        Arrays.sort(v);
        double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        return v.length == 1 || v[0] == v[v.length - 1] ? num(median)
                : num(median) + " [" + num(v[0]) + "–" + num(v[v.length - 1]) + "]";
    }

    private static String num(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.1f", d);
    }
}
