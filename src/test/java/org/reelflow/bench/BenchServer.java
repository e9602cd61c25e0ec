package org.reelflow.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.helidon.logging.common.LogConfig;

import jakarta.json.Json;

import org.reelflow.app.Engine;
import org.reelflow.app.ReelflowConfig;
import org.reelflow.app.Server;
import org.reelflow.events.Event;
import org.reelflow.events.StageName;
import org.reelflow.pipeline.StageContext;
import org.reelflow.pipeline.StageResult;
import org.reelflow.support.FakeStages;

/**
 * The Reelflow server as {@code make run} starts it (same config sources: system properties, environment,
 * ./config/application.yaml, the embedded copy), but with a bench pipeline: its first stage takes orders from
 * this process's stdin and emits numbered events stamped with the send time (epoch micros). The load client
 * ({@link SseFanoutBench}) starts this process, so the server's heap, RSS and threads are its own.
 *
 * <p>stdin commands, one per line; every answer is one stdout line starting with {@code BENCH }:
 * <ul>
 *   <li>{@code PUBLISH <seq>} — emit {@code stage:research} {@code {type:"bench", seq, t}} and answer
 *       {@code BENCH EMITTED <seq> <emit µs>} (the time inside Job.emit: persistence plus the offer loop)</li>
 *   <li>{@code SIZE} — {@code BENCH SIZE <registry size>}</li>
 *   <li>{@code MEM} — full GC twice, 1 s pause, then {@code BENCH MEM <heap used> <heap committed> <VmRSS kB> <Threads> <cpu ms>}</li>
 *   <li>{@code CPU} — {@code BENCH CPU <process CPU ms>} (no GC)</li>
 *   <li>{@code END} — the bench stage returns, the job completes</li>
 *   <li>{@code EXIT} or end of stdin — stop cleanly and exit</li>
 * </ul>
 * Every wait is bounded: the stage gives up after {@link #MAX_STAGE_MINUTES} minutes.
 */
public final class BenchServer {

    static final int MAX_STAGE_MINUTES = 10;

    private final BlockingQueue<String> stageOrders = new LinkedBlockingQueue<>();

    private BenchServer() {
    }

    public static void main(String[] args) throws Exception {
        LogConfig.configureRuntime();
        new BenchServer().run();
    }

    private void run() throws Exception {
        ReelflowConfig config = ReelflowConfig.load();
        Engine engine = Engine.start(config, services -> FakeStages.create().with(StageName.RESEARCH, this::drive).pipeline(),
                                     System::getenv);
        Server server = Server.start(config, engine);
        say("READY " + server.port() + " " + ProcessHandle.current().pid() + " heartbeat=" + config.settings().heartbeat()
            + " queue=" + config.settings().queueCapacity());
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try {
            String line;
            while ((line = in.readLine()) != null) {
                String cmd = line.trim();
                if (cmd.equals("EXIT")) {
                    break;
                } else if (cmd.equals("SIZE")) {
                    say("SIZE " + engine.registry().size());
                } else if (cmd.equals("CPU")) {
                    say("CPU " + cpuMillis());
                } else if (cmd.equals("MEM")) {
                    say("MEM " + memory());
                } else if (cmd.startsWith("PUBLISH ") || cmd.equals("END")) {
                    stageOrders.add(cmd);
                } else if (!cmd.isEmpty()) {
                    say("ERROR unknown command " + cmd);
                }
            }
        } finally {
            stageOrders.add("END");
            server.stop();
            engine.close();
            say("STOPPED");
            System.exit(0);
        }
    }

    /** The bench stage: emit what the client asks for, until END (or the time limit). */
    private StageResult drive(StageContext ctx) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(MAX_STAGE_MINUTES);
        int emitted = 0;
        while (System.nanoTime() < deadline) {
            String order = stageOrders.poll(1, TimeUnit.SECONDS);
            if (order == null) {
                continue;
            }
            if (order.equals("END")) {
                return StageResult.complete(emitted + " bench events");
            }
            long seq = Long.parseLong(order.substring("PUBLISH ".length()).trim());
            long t0 = System.nanoTime();
            // No stage sends this: an unknown event with the same wire shape, so the figures stay comparable.
            ctx.job().emit(new Event.Unknown(StageName.RESEARCH.eventName(), Json.createObjectBuilder()
                    .add("stage", "research").add("type", "bench")
                    .add("seq", seq)
                    .add("t", ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now()))
                    .build()));
            long micros = (System.nanoTime() - t0) / 1000;
            emitted++;
            say("EMITTED " + seq + " " + micros);
        }
        throw new IllegalStateException("bench stage gave up after " + MAX_STAGE_MINUTES + " minutes");
    }

    /** Heap after two full GCs, RSS and OS threads of this process, and its CPU time so far. */
    private static String memory() {
        System.gc();
        System.gc();
        try {
            Thread.sleep(1000);     // G1 gives memory back to the OS shortly after a full GC, not during it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long rssKb = -1;
        long threads = -1;
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith("VmRSS:")) {
                    rssKb = Long.parseLong(l.replaceAll("\\D", ""));
                } else if (l.startsWith("Threads:")) {
                    threads = Long.parseLong(l.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // leave -1: the client reports the value as missing
        }
        return heap.getUsed() + " " + heap.getCommitted() + " " + rssKb + " " + threads + " " + cpuMillis();
    }

    private static long cpuMillis() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1_000_000;
    }

    private static synchronized void say(String line) {
        System.out.println("BENCH " + line);
        System.out.flush();
    }
}
