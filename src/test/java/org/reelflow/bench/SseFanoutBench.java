package org.reelflow.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * SSE fan-out benchmark: starts {@link BenchServer} in its own JVM, opens N subscribers to one job over raw
 * sockets (one virtual thread each, all to 127.0.0.1), drives numbered events through the job and measures
 * connect time, publish-to-receive latency (first publish and warm ones), live heap / RSS / threads per idle
 * subscriber after a full GC, server CPU per delivered event, and that the registry drains after the clients
 * leave. Every subscriber must get the snapshot and every event: any drop fails the run (exit code 1).
 *
 * <p>Options: {@code --subscribers N} (2000), {@code --warm W} warm publishes (10), {@code --spacing-ms} (500),
 * {@code --batch} connects per batch (250), {@code --server-opts "<JVM flags>"}, {@code --label} (shipped),
 * {@code --results file.tsv} (one line per run, read by {@link BenchSummary}), {@code --java} (this JVM's java).
 * Run from the project root after {@code mvn package -DskipTests} (it needs target/reelflow.jar and
 * target/test-classes).
 */
public final class SseFanoutBench {

    private static final Duration RUN_LIMIT = Duration.ofMinutes(6);
    private static final Duration STEP_LIMIT = Duration.ofSeconds(60);
    private static final int MAX_SUBSCRIBERS = 30_000;
    /** Every run's server output is appended here, with the thread dump of a server that stopped answering. */
    private static final Path SERVER_LOG = Path.of("target", "bench-sse-server.log");

    private final int n;
    private final int warm;
    private final long spacingMs;
    private final int batch;
    private final String serverOpts;
    private final String label;
    private final Path results;
    private final String java;

    private Process server;
    private PrintWriter serverIn;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    private int port;
    private long pid;
    private Duration heartbeat = Duration.ofSeconds(15);

    // Subscriber state, shared with the reader threads.
    private Sub[] subs;
    private long[][] latencyMicros;          // [publish][subscriber], -1 = not received
    private CountDownLatch[] delivered;      // one per publish
    private final AtomicInteger failures = new AtomicInteger();
    private final List<String> failureSamples = new ArrayList<>();
    private volatile boolean closing;

    private SseFanoutBench(Map<String, String> opts) {
        this.n = Integer.parseInt(opts.getOrDefault("subscribers", "2000"));
        this.warm = Integer.parseInt(opts.getOrDefault("warm", "10"));
        this.spacingMs = Long.parseLong(opts.getOrDefault("spacing-ms", "500"));
        this.batch = Integer.parseInt(opts.getOrDefault("batch", "250"));
        this.serverOpts = opts.getOrDefault("server-opts", "").trim();
        this.label = opts.getOrDefault("label", serverOpts.isEmpty() ? "shipped" : "shipped+flags");
        this.results = opts.containsKey("results") ? Path.of(opts.get("results")) : null;
        this.java = opts.getOrDefault("java", ProcessHandle.current().info().command().orElse("java"));
        if (n < 1 || n > MAX_SUBSCRIBERS || warm < 1 || warm > 100 || batch < 1 || spacingMs < 0 || spacingMs > 10_000) {
            throw new IllegalArgumentException("subscribers 1.." + MAX_SUBSCRIBERS + ", warm 1..100, batch >= 1, spacing 0..10000 ms");
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        SseFanoutBench bench = new SseFanoutBench(opts);
        Thread watchdog = Thread.ofPlatform().daemon().start(() -> {
            try {
                Thread.sleep(RUN_LIMIT.toMillis());
                System.err.println("bench: run limit " + RUN_LIMIT + " reached; stopping the server and giving up");
                bench.killServer();
                Runtime.getRuntime().halt(3);
            } catch (InterruptedException e) {
                // finished in time
            }
        });
        int code;
        try {
            code = bench.run();
        } finally {
            bench.killServer();
            watchdog.interrupt();
        }
        System.exit(code);
    }

    // ------------------------------------------------------------------------------------------------ the run

    private int run() throws Exception {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("date", LocalDate.now().toString());
        r.put("label", label);
        r.put("n", n);
        r.put("load_start", loadAverage());
        Path jobsDir = Files.createTempDirectory(Path.of("target"), "bench-jobs-");
        startServer(jobsDir);
        r.put("server_opts", serverOpts.isEmpty() ? "(none)" : serverOpts);
        r.put("heartbeat", heartbeat.toString());

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/jobs"))
                        .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"topic\":\"SSE fan-out bench\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(created.body());
        if (created.statusCode() != 201 || !m.find()) {
            throw new IllegalStateException("job submit failed: " + created.statusCode() + " " + created.body());
        }
        String jobId = m.group(1);

        // Events with no subscriber: what persisting one event costs (Job.emit fsyncs the log and meta.json).
        List<Long> bareEmit = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            bareEmit.add(publish(-i));
        }
        r.put("emit_ms_0subs", ms(median(bareEmit)));

        long[] base = mem();
        r.put("heap_base_mb", mb(base[0]));
        r.put("rss_base_mb", base[2] / 1024.0);
        r.put("threads_base", base[3]);

        // Open the subscribers in batches; each counts as connected once its snapshot has arrived.
        subs = new Sub[n];
        int publishes = 1 + warm;
        latencyMicros = new long[publishes][n];
        for (long[] row : latencyMicros) {
            Arrays.fill(row, -1);
        }
        delivered = new CountDownLatch[publishes];
        for (int i = 0; i < publishes; i++) {
            delivered[i] = new CountDownLatch(n);
        }
        String path = "/api/v1/jobs/" + jobId + "/events";
        long t0 = System.nanoTime();
        for (int from = 0; from < n; from += batch) {
            int to = Math.min(n, from + batch);
            CountDownLatch ready = new CountDownLatch(to - from);
            for (int i = from; i < to; i++) {
                subs[i] = new Sub(i, path, ready);
                Thread.ofVirtual().name("sub-" + i).start(subs[i]);
            }
            if (!ready.await(STEP_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                fail("batch " + from + ".." + to + " not connected within " + STEP_LIMIT);
                break;
            }
        }
        long connectNanos = System.nanoTime() - t0;
        long connected = Stream.of(subs).filter(s -> s != null && s.snapshotNanos > 0).count();
        r.put("connected", connected);
        r.put("connect_total_ms", Math.round(connectNanos / 1e6));
        long[] perConn = Stream.of(subs).filter(s -> s != null && s.snapshotNanos > 0)
                .mapToLong(s -> (s.snapshotNanos - s.startNanos) / 1000).sorted().toArray();
        r.put("connect_p50_ms", ms(pct(perConn, 0.50)));
        r.put("connect_p99_ms", ms(pct(perConn, 0.99)));
        r.put("registry_after_connect", ask("SIZE", "SIZE"));

        long[] idle = mem();
        r.put("heap_idle_mb", mb(idle[0]));
        r.put("rss_idle_mb", idle[2] / 1024.0);
        r.put("threads_idle", idle[3]);
        r.put("heap_per_sub_b", Math.round((idle[0] - base[0]) / (double) n));
        r.put("rss_per_sub_kib", round1((idle[2] - base[2]) / (double) n));

        // Publish: one first (cold) event, then warm ones spaced apart; wait for full delivery each time.
        long cpu0 = Long.parseLong(ask("CPU", "CPU"));
        long clientCpu0 = clientCpuMs();
        List<Long> emitMicros = new ArrayList<>();
        for (int seq = 0; seq < publishes; seq++) {
            if (seq > 0) {
                Thread.sleep(spacingMs);
            }
            emitMicros.add(publish(seq));
            if (!delivered[seq].await(STEP_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                fail("publish " + seq + " reached " + (n - delivered[seq].getCount()) + " of " + n + " within " + STEP_LIMIT);
            }
        }
        long cpuMs = Long.parseLong(ask("CPU", "CPU")) - cpu0;
        long clientCpuMs = clientCpuMs() - clientCpu0;
        r.put("emit_ms_first", ms(emitMicros.getFirst()));
        r.put("emit_ms_warm_median", ms(median(emitMicros.subList(1, emitMicros.size()))));
        r.put("server_cpu_us_per_delivery", round1(cpuMs * 1000.0 / ((double) publishes * n)));
        r.put("client_cpu_us_per_delivery", round1(clientCpuMs * 1000.0 / ((double) publishes * n)));

        long[] first = received(latencyMicros[0]);
        r.put("first_p50_ms", ms(pct(first, 0.50)));
        r.put("first_p99_ms", ms(pct(first, 0.99)));
        r.put("first_max_ms", ms(pct(first, 1.0)));
        List<Long> warmP99 = new ArrayList<>();
        List<long[]> warmAll = new ArrayList<>();
        for (int seq = 1; seq < publishes; seq++) {
            long[] l = received(latencyMicros[seq]);
            warmAll.add(l);
            warmP99.add(pct(l, 0.99));
        }
        long[] allWarm = warmAll.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        r.put("warm_p99_median_ms", ms(median(warmP99)));
        r.put("warm_p99_range_ms", ms(warmP99.stream().min(Long::compare).orElse(-1L)) + "-"
                                   + ms(warmP99.stream().max(Long::compare).orElse(-1L)));
        r.put("warm_p50_ms", ms(pct(allWarm, 0.50)));
        r.put("warm_p99_ms", ms(pct(allWarm, 0.99)));
        r.put("warm_max_ms", ms(pct(allWarm, 1.0)));

        long[] after = mem();
        r.put("heap_after_pub_mb", mb(after[0]));
        r.put("rss_after_pub_mb", after[2] / 1024.0);
        r.put("rss_per_sub_after_pub_kib", round1((after[2] - base[2]) / (double) n));
        r.put("threads_after_pub", after[3]);

        // Verify: every connected subscriber got the snapshot and every event, in order, once.
        long missing = 0;
        int incomplete = 0;
        for (int i = 0; i < n; i++) {
            int got = 0;
            for (int seq = 0; seq < publishes; seq++) {
                if (latencyMicros[seq][i] >= 0) {
                    got++;
                }
            }
            if (subs[i] == null || subs[i].snapshotNanos == 0 || got < publishes) {
                incomplete++;
                missing += publishes - got;
            }
        }
        r.put("events_missing", missing);
        r.put("subscribers_incomplete", incomplete);
        r.put("protocol_errors", Stream.of(subs).filter(s -> s != null).mapToInt(s -> s.errors).sum());
        r.put("dropped_before_close", Stream.of(subs).filter(s -> s != null && s.endedEarly).count());

        // Leave, and check the server notices: its registry must drain (heartbeat writes find the dead sockets).
        closing = true;
        long c0 = System.nanoTime();
        for (Sub s : subs) {
            if (s != null) {
                s.close();
            }
        }
        long limit = heartbeat.toMillis() * 2 + 15_000;
        long size = -1;
        while (System.nanoTime() - c0 < TimeUnit.MILLISECONDS.toNanos(limit)) {
            size = Long.parseLong(ask("SIZE", "SIZE"));
            if (size == 0) {
                break;
            }
            Thread.sleep(250);
        }
        r.put("registry_after_close", size);
        r.put("drain_s", size == 0 ? round1((System.nanoTime() - c0) / 1e9) : -1);
        long[] drained = mem();
        r.put("heap_drained_mb", mb(drained[0]));
        r.put("threads_drained", drained[3]);
        r.put("client_rss_mb", selfRssKb() / 1024);
        r.put("load_end", loadAverage());
        r.put("failures", failures.get());

        send("END");
        send("EXIT");
        if (!server.waitFor(20, TimeUnit.SECONDS)) {
            fail("server did not exit within 20 s");
        }
        deleteTree(jobsDir);
        boolean ok = failures.get() == 0 && connected == n && missing == 0 && size == 0;
        r.put("ok", ok);
        report(r);
        return ok ? 0 : 1;
    }

    // --------------------------------------------------------------------------------------------- the server

    private void startServer(Path jobsDir) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        if (!serverOpts.isEmpty()) {
            cmd.addAll(List.of(serverOpts.split("\\s+")));
        }
        cmd.addAll(List.of("-cp", "target/reelflow.jar:target/test-classes",
                           BenchServer.class.getName()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        // As make run, plus: a free loopback port, a throwaway jobs folder. Anything else comes from
        // config/application.yaml or from the caller's environment (e.g. SSE_HEARTBEAT).
        pb.environment().put("SERVER_PORT", "0");
        pb.environment().put("SERVER_HOST", "127.0.0.1");
        pb.environment().put("JOBS_DIR", jobsDir.toAbsolutePath().toString());
        server = pb.start();
        serverIn = new PrintWriter(server.getOutputStream(), true, StandardCharsets.UTF_8);
        Path log = SERVER_LOG;
        Files.writeString(log, "=== " + Instant.now() + " " + n + " subscribers: " + String.join(" ", cmd) + "\n",
                          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Thread.ofPlatform().daemon().name("server-out").start(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("BENCH ")) {
                        answers.add(line.substring("BENCH ".length()));
                    } else {
                        Files.writeString(log, line + "\n", StandardOpenOption.APPEND);
                    }
                }
            } catch (IOException e) {
                // the server is gone; ask() times out and says so
            }
        });
        String ready = answer("READY", Duration.ofSeconds(60));
        String[] f = ready.split(" ");
        port = Integer.parseInt(f[0]);
        pid = Long.parseLong(f[1]);
        for (String part : f) {
            if (part.startsWith("heartbeat=")) {
                heartbeat = Duration.parse(part.substring("heartbeat=".length()));
            }
        }
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private void send(String command) {
        serverIn.println(command);
    }

    private String ask(String command, String answer) throws InterruptedException {
        send(command);
        return answer(answer, STEP_LIMIT);
    }

    private String answer(String prefix, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String a = answers.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (a == null) {
                dumpServerThreads();
                throw new IllegalStateException("no '" + prefix + "' from the server within " + timeout
                                                + " (its threads are dumped in " + SERVER_LOG + ")");
            }
            if (a.startsWith(prefix + " ") || a.equals(prefix)) {
                return a.substring(prefix.length()).trim();
            }
            if (a.startsWith("ERROR")) {
                throw new IllegalStateException("server: " + a);
            }
        }
    }

    /** Asks the bench stage to emit one event; returns the µs Job.emit took (persisting plus offering). */
    private long publish(long seq) throws InterruptedException {
        String[] a = ask("PUBLISH " + seq, "EMITTED").split(" ");
        if (Long.parseLong(a[0]) != seq) {
            throw new IllegalStateException("emitted " + a[0] + " instead of " + seq);
        }
        return Long.parseLong(a[1]);
    }

    /** {heap used, heap committed, RSS kB, threads, cpu ms} after a full GC in the server. */
    private long[] mem() throws InterruptedException {
        return Stream.of(ask("MEM", "MEM").split(" ")).mapToLong(Long::parseLong).toArray();
    }

    /** jcmd Thread.print of the server, appended to the server log (bounded: 30 s). */
    private void dumpServerThreads() {
        if (pid <= 0) {
            return;                 // not started yet; never run jcmd without our own server's pid
        }
        try {
            Path jcmd = Path.of(java).resolveSibling("jcmd");
            Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "Thread.print")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(SERVER_LOG.toFile())).start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (IOException | InterruptedException e) {
            System.err.println("bench: could not dump the server's threads: " + e);
        }
    }

    private void killServer() {
        Process p = server;
        if (p != null && p.isAlive()) {
            p.destroy();
            try {
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
            }
        }
    }

    // ------------------------------------------------------------------------------------------ a subscriber

    /** One SSE client on a raw socket: HTTP/1.1 GET, chunked decoding, SSE lines; runs on its own virtual thread. */
    private final class Sub implements Runnable {
        private static final byte[] EVENT = "event:".getBytes(StandardCharsets.US_ASCII);
        private static final byte[] DATA = "data:".getBytes(StandardCharsets.US_ASCII);

        final int index;
        final String path;
        final CountDownLatch ready;
        volatile long startNanos;
        volatile long snapshotNanos;
        volatile boolean endedEarly;
        int errors;
        private Socket socket;
        private int nextSeq;

        // chunked decoding and line assembly
        private int chunkLeft = -1;                 // -1: reading a size line
        private final StringBuilder sizeLine = new StringBuilder(8);
        private boolean skipCrlf;
        private byte[] line = new byte[512];
        private int lineLen;
        private String eventName;
        private String data;

        Sub(int index, String path, CountDownLatch ready) {
            this.index = index;
            this.path = path;
            this.ready = ready;
        }

        @Override
        public void run() {
            boolean counted = false;
            try {
                startNanos = System.nanoTime();
                socket = new Socket();
                socket.connect(new InetSocketAddress("127.0.0.1", port), 30_000);
                socket.setSoTimeout((int) Math.max(120_000, heartbeat.toMillis() * 4));
                OutputStream out = socket.getOutputStream();
                out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
                                  .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = socket.getInputStream();
                byte[] buf = new byte[2048];
                // Response head: status 200 and chunked; the bytes after the head are body.
                int have = 0;
                int bodyAt = -1;
                while (bodyAt < 0) {
                    int r = in.read(buf, have, buf.length - have);
                    if (r < 0) {
                        throw new IOException("closed during the response head");
                    }
                    have += r;
                    bodyAt = headEnd(buf, have);
                    if (bodyAt < 0 && have == buf.length) {
                        throw new IOException("response head too long");
                    }
                }
                String head = new String(buf, 0, bodyAt, StandardCharsets.ISO_8859_1);
                if (!head.startsWith("HTTP/1.1 200") || !head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
                    throw new IOException("unexpected response: " + head.lines().findFirst().orElse(""));
                }
                feed(buf, bodyAt, have, nowMicros());
                if (!counted && snapshotNanos > 0) {
                    ready.countDown();
                    counted = true;
                }
                int r;
                while ((r = in.read(buf)) >= 0) {
                    long now = nowMicros();
                    feed(buf, 0, r, now);
                    if (!counted && snapshotNanos > 0) {
                        ready.countDown();
                        counted = true;
                    }
                }
                if (!closing) {
                    endedEarly = true;
                    fail("subscriber " + index + ": stream ended before the bench closed it");
                }
            } catch (IOException | RuntimeException e) {
                if (!closing) {
                    endedEarly = true;
                    fail("subscriber " + index + ": " + e);
                }
            } finally {
                if (!counted) {
                    ready.countDown();
                }
            }
        }

        void close() {
            try {
                if (socket != null) {
                    socket.close();
                }
            } catch (IOException e) {
                // closing anyway
            }
        }

        private void feed(byte[] b, int from, int to, long now) throws IOException {
            int i = from;
            while (i < to) {
                if (skipCrlf) {                        // the CRLF after a chunk's data
                    if (b[i] == '\n') {
                        skipCrlf = false;
                    }
                    i++;
                } else if (chunkLeft < 0) {            // the size line
                    byte c = b[i++];
                    if (c == '\n') {
                        String s = sizeLine.toString().trim();
                        sizeLine.setLength(0);
                        int semi = s.indexOf(';');
                        chunkLeft = Integer.parseInt(semi < 0 ? s : s.substring(0, semi), 16);
                        if (chunkLeft == 0) {
                            chunkLeft = -1;            // last chunk: the server ended the stream
                            return;
                        }
                    } else if (c != '\r') {
                        sizeLine.append((char) c);
                    }
                } else {                               // chunk data: SSE bytes
                    int start = i;
                    int end = Math.min(to, i + chunkLeft);
                    for (; i < end; i++) {
                        sseByte(b[i], now);
                    }
                    chunkLeft -= end - start;
                    if (chunkLeft == 0) {
                        chunkLeft = -1;
                        skipCrlf = true;
                    }
                }
            }
        }

        private void sseByte(byte c, long now) {
            if (c != '\n') {
                if (lineLen == line.length) {
                    line = Arrays.copyOf(line, line.length * 2);
                }
                line[lineLen++] = c;
                return;
            }
            if (lineLen == 0) {
                dispatch(now);
            } else if (startsWith(EVENT)) {
                eventName = value(EVENT.length);
            } else if (startsWith(DATA)) {
                data = value(DATA.length);
            }
            lineLen = 0;
        }

        private void dispatch(long now) {
            String name = eventName;
            String d = data;
            eventName = null;
            data = null;
            if (d == null) {
                return;                                // retry hint or comment block
            }
            if ("job:snapshot".equals(name)) {
                if (snapshotNanos != 0) {
                    errors++;
                }
                snapshotNanos = System.nanoTime();
                return;
            }
            if (!"stage:research".equals(name) || !d.contains("\"type\":\"bench\"")) {
                return;
            }
            long seq = number(d, "\"seq\":");
            long t = number(d, "\"t\":");
            if (snapshotNanos == 0 || seq != nextSeq || seq >= latencyMicros.length) {
                errors++;
                fail("subscriber " + index + ": got seq " + seq + ", expected " + nextSeq);
                if (seq < 0 || seq >= latencyMicros.length) {
                    return;
                }
            }
            nextSeq = (int) seq + 1;
            if (latencyMicros[(int) seq][index] < 0) {
                latencyMicros[(int) seq][index] = now - t;
                delivered[(int) seq].countDown();
            }
        }

        private boolean startsWith(byte[] prefix) {
            if (lineLen < prefix.length) {
                return false;
            }
            for (int k = 0; k < prefix.length; k++) {
                if (line[k] != prefix[k]) {
                    return false;
                }
            }
            return true;
        }

        private String value(int at) {
            int from = at < lineLen && line[at] == ' ' ? at + 1 : at;
            return new String(line, from, lineLen - from, StandardCharsets.UTF_8);
        }
    }

    private static int headEnd(byte[] b, int len) {
        for (int i = 3; i < len; i++) {
            if (b[i - 3] == '\r' && b[i - 2] == '\n' && b[i - 1] == '\r' && b[i] == '\n') {
                return i + 1;
            }
        }
        return -1;
    }

    private static long number(String json, String key) {
        int at = json.indexOf(key);
        if (at < 0) {
            return Long.MIN_VALUE;
        }
        int i = at + key.length();
        int j = i;
        while (j < json.length() && (Character.isDigit(json.charAt(j)) || json.charAt(j) == '-')) {
            j++;
        }
        return Long.parseLong(json.substring(i, j));
    }

    private static long nowMicros() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    }

    private void fail(String what) {
        if (failures.incrementAndGet() <= 5) {
            synchronized (failureSamples) {
                failureSamples.add(what);
            }
            System.err.println("bench: " + what);
        }
    }

    // ---------------------------------------------------------------------------------------- figures, report

    private static long[] received(long[] latencies) {
        return Arrays.stream(latencies).filter(l -> l >= 0).sorted().toArray();
    }

    /** Nearest-rank percentile of a sorted array; -1 when empty. */
    static long pct(long[] sorted, double q) {
        if (sorted.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static long median(List<Long> values) {
        long[] s = values.stream().mapToLong(Long::longValue).sorted().toArray();
        return s.length == 0 ? -1 : s[(s.length - 1) / 2];
    }

    private static double ms(long micros) {
        return Math.round(micros / 100.0) / 10.0;
    }

    private static double mb(long bytes) {
        return round1(bytes / 1048576.0);
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + "/" + f[1];
        } catch (IOException e) {
            return "?";
        }
    }

    private static long clientCpuMs() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1_000_000;
    }

    private static long selfRssKb() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith("VmRSS:")) {
                    return Long.parseLong(l.replaceAll("\\D", ""));
                }
            }
        } catch (IOException e) {
            // unknown
        }
        return -1;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private void report(Map<String, Object> r) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%n== SSE fan-out, %d subscribers, %s (%s) ==%n", n, label, r.get("server_opts")));
        sb.append(String.format(Locale.ROOT, "connected %s/%d in %s ms (per connection p50 %s ms, p99 %s ms)%n",
                                r.get("connected"), n, r.get("connect_total_ms"), r.get("connect_p50_ms"), r.get("connect_p99_ms")));
        sb.append(String.format(Locale.ROOT, "first publish   p50 %s  p99 %s  max %s ms   (Job.emit %s ms; with no subscriber %s ms)%n",
                                r.get("first_p50_ms"), r.get("first_p99_ms"), r.get("first_max_ms"), r.get("emit_ms_first"), r.get("emit_ms_0subs")));
        sb.append(String.format(Locale.ROOT, "warm x%d        p50 %s  p99 %s  max %s ms   median per-publish p99 %s ms (range %s); Job.emit median %s ms%n",
                                warm, r.get("warm_p50_ms"), r.get("warm_p99_ms"), r.get("warm_max_ms"), r.get("warm_p99_median_ms"),
                                r.get("warm_p99_range_ms"), r.get("emit_ms_warm_median")));
        sb.append(String.format(Locale.ROOT, "heap (after full GC) %s -> %s MB idle -> %s MB after publishing: %s B per subscriber%n",
                                r.get("heap_base_mb"), r.get("heap_idle_mb"), r.get("heap_after_pub_mb"), r.get("heap_per_sub_b")));
        sb.append(String.format(Locale.ROOT, "RSS %s -> %s MB idle (%s KiB per subscriber) -> %s MB after publishing (%s KiB per subscriber)%n",
                                r.get("rss_base_mb"), r.get("rss_idle_mb"), r.get("rss_per_sub_kib"), r.get("rss_after_pub_mb"), r.get("rss_per_sub_after_pub_kib")));
        sb.append(String.format(Locale.ROOT, "threads %s -> %s idle -> %s after publishing -> %s drained%n",
                                r.get("threads_base"), r.get("threads_idle"), r.get("threads_after_pub"), r.get("threads_drained")));
        sb.append(String.format(Locale.ROOT, "CPU per delivered event: server %s us, client %s us%n",
                                r.get("server_cpu_us_per_delivery"), r.get("client_cpu_us_per_delivery")));
        sb.append(String.format(Locale.ROOT, "drops: %s events missing, %s subscribers incomplete, %s dropped early, %s protocol errors%n",
                                r.get("events_missing"), r.get("subscribers_incomplete"), r.get("dropped_before_close"), r.get("protocol_errors")));
        sb.append(String.format(Locale.ROOT, "after close: registry %s (drained in %s s, heartbeat %s); heap %s MB; client RSS %s MB; load %s -> %s%n",
                                r.get("registry_after_close"), r.get("drain_s"), r.get("heartbeat"), r.get("heap_drained_mb"),
                                r.get("client_rss_mb"), r.get("load_start"), r.get("load_end")));
        sb.append(r.get("ok").equals(Boolean.TRUE) ? "OK\n" : "FAILED " + failureSamples + "\n");
        System.out.print(sb);
        if (results != null) {
            StringBuilder line = new StringBuilder();
            r.forEach((k, v) -> line.append(line.isEmpty() ? "" : "\t").append(k).append('=').append(v));
            Files.createDirectories(results.toAbsolutePath().getParent());
            Files.writeString(results, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }
}
