package org.reelflow.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;

import org.reelflow.events.Event;
import org.reelflow.events.StageEvent;
import org.reelflow.events.StageName;

/**
 * The live progress of one job, drawn from its event stream: one line per stage — a spinner and the elapsed time
 * while it runs, then {@code ✓} (detail, duration), {@code –} (reason) or {@code ✗} (error). On a terminal the
 * block of six lines is redrawn in place (cursor up, clear line) and other output goes above it; elsewhere each
 * change is appended as a plain line. Single-threaded: the command's event loop calls every method.
 */
public final class ProgressDisplay {

    private static final long NANOS_PER_TICK = 100_000_000L;
    private static final int[] PLAIN_RENDER_STEPS = {25, 50, 75};

    enum Status { PENDING, RUNNING, DONE, SKIPPED, FAILED }

    /** What the display knows of one stage. */
    static final class StageView {
        Status status = Status.PENDING;
        String detail;
        Double durationSec;
        long startedNanos;
        String progress;         // the running stage's own progress text (assets, render percent, revision)
        String lastError;        // the stage's last error event (a recoverable one, or the one that failed it)
    }

    private final PrintStream out;
    private final Style style;
    private final LongSupplier nanos;
    private final long startNanos;
    private final Map<StageName, StageView> stages = new EnumMap<>(StageName.class);
    private int drawn;
    private String topic;
    private int scenes;
    private int assets;
    private int renderStepShown;
    private String failure;
    private boolean completed;
    private boolean cancelled;
    private boolean cursorHidden;

    public ProgressDisplay(PrintStream out, Style style, LongSupplier nanos) {
        this.out = out;
        this.style = style;
        this.nanos = nanos;
        this.startNanos = nanos.getAsLong();
        for (StageName s : StageName.values()) {
            stages.put(s, new StageView());
        }
    }

    // ---------------------------------------------------------------- the model

    /** Folds one event into the display and shows what changed. */
    public void apply(StreamEvent e) {
        switch (e.event()) {
            case Event.JobSnapshot s -> snapshot(s.record());
            case Event.JobCompleted c -> completed = true;
            case Event.JobFailed f -> failed(f);
            case StageEvent s -> stageEvent(s);
            // The record's bookkeeping: the stage lines already show the run, and a cancel shows when it ends it.
            case Event.JobStarted s -> { }
            case Event.JobOutput o -> { }
            case Event.CancelRequested c -> { }
            case Event.Unknown u -> {
                // a newer server's event: nothing this display knows to show
            }
        }
        redraw();
    }

    private void failed(Event.JobFailed f) {
        cancelled = f.cancelled();
        failure = f.error() != null ? f.error() : cancelled ? "cancelled" : "failed";
        for (Map.Entry<StageName, StageView> entry : stages.entrySet()) {
            StageView v = entry.getValue();
            if (v.status == Status.RUNNING) {
                v.status = Status.FAILED;
                v.detail = v.lastError != null ? v.lastError : failure;
                v.durationSec = elapsedSec(v.startedNanos);
                plain(entry.getKey());
            }
        }
    }

    private void stageEvent(StageEvent event) {
        StageName s = event.stage();
        StageView v = stages.get(s);
        switch (event) {
            case StageEvent.StageStarted started -> {
                v.status = Status.RUNNING;
                v.startedNanos = nanos.getAsLong();
                v.progress = s == StageName.ASSEMBLY ? "mixing audio" : null;
                if (!style.ansi()) {
                    out.println(line(style.started(), s, "", "started"));
                }
            }
            case StageEvent.StageCompleted c -> {
                v.status = Status.DONE;
                v.detail = c.detail();
                v.durationSec = c.durationSec();
                plain(s);
            }
            case StageEvent.StageSkipped skipped -> {
                v.status = Status.SKIPPED;
                v.detail = skipped.reason();
                plain(s);
            }
            case StageEvent.StageError error -> {
                v.lastError = error.error();
                if (v.status == Status.RUNNING) {
                    v.progress = "retrying after: " + v.lastError;
                }
                if (!style.ansi()) {
                    out.println("  " + s.key() + ": " + v.lastError);
                }
            }
            case StageEvent.ScoreReady score -> {
                if (score.score().get("scenes") instanceof jakarta.json.JsonArray a) {
                    scenes = a.size();
                }
            }
            case StageEvent.Revision r -> v.progress = "revision " + r.round() + " (critic " + number(r.critiqueScore()) + "/10)";
            case StageEvent.Asset a -> sceneSettled(v);
            case StageEvent.AssetFailed a -> sceneSettled(v);
            case StageEvent.Rendering r -> {
                v.progress = "rendering 0%";
                renderStepShown = 0;
            }
            case StageEvent.RenderProgress r -> renderProgress(s, v, r);
            default -> {
                // results, music, review, cost_estimate …: the stage's complete line says what matters
            }
        }
    }

    private void sceneSettled(StageView v) {
        assets++;
        v.progress = scenes > 0 ? assets + "/" + scenes + " scenes" : assets + " scenes";
    }

    private void renderProgress(StageName s, StageView v, StageEvent.RenderProgress r) {
        int percent = r.totalFrames() > 0 ? (int) Math.floor(100.0 * r.frame() / r.totalFrames()) : 0;
        v.progress = "rendering " + percent + "% (" + r.frame() + "/" + r.totalFrames() + " frames)";
        if (!style.ansi()) {
            for (int step : PLAIN_RENDER_STEPS) {
                if (percent >= step && renderStepShown < step && percent < 100) {
                    renderStepShown = step;
                    out.println(line(style.started(), s, "", v.progress));
                    break;
                }
            }
        }
    }

    /** A {@code job:snapshot}: the record as it stands (a watcher joining late, or after a reconnect). */
    private void snapshot(JsonObject record) {
        topic = record.getString("topic", topic);
        if (record.get("score") instanceof JsonObject score && score.get("scenes") instanceof jakarta.json.JsonArray a) {
            scenes = a.size();
        }
        if (record.get("sceneEvents") instanceof jakarta.json.JsonArray events) {
            assets = (int) events.getValuesAs(JsonObject.class).stream()
                                 .filter(o -> o.getString("type", "").startsWith("asset")).count();
        }
        JsonObject st = record.getJsonObject("stages");
        for (StageName s : StageName.values()) {
            JsonObject o = st == null ? null : st.getJsonObject(s.key());
            StageView v = stages.get(s);
            String status = o == null ? "pending" : o.getString("status", "pending");
            switch (status) {
                case "running" -> {
                    if (v.status != Status.RUNNING) {
                        v.startedNanos = nanos.getAsLong();
                    }
                    v.status = Status.RUNNING;
                    if (s == StageName.VISUALS && scenes > 0) {
                        v.progress = assets + "/" + scenes + " scenes";
                    }
                    if (s == StageName.ASSEMBLY && record.get("render") instanceof JsonObject r) {
                        int total = r.getInt("totalFrames", 0);
                        int frame = r.getInt("frame", 0);
                        v.progress = "rendering " + (total > 0 ? 100 * frame / total : 0) + "% (" + frame + "/" + total + " frames)";
                    }
                }
                case "done" -> {
                    v.status = Status.DONE;
                    v.detail = o.getString("detail", "");
                    v.durationSec = o.get("durationSec") instanceof JsonNumber n ? n.doubleValue() : null;
                }
                case "skipped" -> {
                    v.status = Status.SKIPPED;
                    v.detail = o.getString("detail", "");
                }
                case "error" -> {
                    v.status = Status.FAILED;
                    v.detail = o.getString("detail", "");
                }
                default -> v.status = Status.PENDING;
            }
            if (!style.ansi() && v.status == Status.RUNNING) {
                out.println(line(style.started(), s, "", v.progress == null ? "running" : v.progress));
            } else if (!style.ansi() && v.status != Status.PENDING) {
                out.println(lineOf(s, v, nanos.getAsLong()));
            }
        }
    }

    // ---------------------------------------------------------------- drawing

    /** A line for the person, above the progress block (header, warnings, the cost estimate). */
    public void message(List<String> lines) {
        StringBuilder sb = new StringBuilder();
        if (style.ansi() && drawn > 0) {
            sb.append("\r\033[").append(drawn).append('A').append("\033[J");
            drawn = 0;
        }
        lines.forEach(l -> sb.append(l).append('\n'));
        out.print(sb);
        out.flush();
        redraw();
    }

    public void message(String line) {
        message(List.of(line));
    }

    /**
     * Text that stays on the last line with the cursor after it (a question): the block is erased first and drawn
     * again by the next {@link #message} or {@link #redraw} below the answer.
     */
    public void ask(List<String> lines, String question) {
        StringBuilder sb = new StringBuilder();
        if (style.ansi() && drawn > 0) {
            sb.append("\r\033[").append(drawn).append('A').append("\033[J");
            drawn = 0;
        }
        lines.forEach(l -> sb.append(l).append('\n'));
        sb.append(question);
        if (cursorHidden) {
            sb.append("\033[?25h");
            cursorHidden = false;
        }
        out.print(sb);
        out.flush();
    }

    /** Redraws the block (on a terminal): spinners turn, elapsed times grow. */
    public void redraw() {
        if (!style.ansi()) {
            out.flush();
            return;
        }
        long now = nanos.getAsLong();
        StringBuilder sb = new StringBuilder();
        if (!cursorHidden) {
            sb.append("\033[?25l");
            cursorHidden = true;
        }
        if (drawn > 0) {
            sb.append("\r\033[").append(drawn).append('A');
        }
        for (StageName s : StageName.values()) {
            sb.append("\r\033[2K").append(fit(lineOf(s, stages.get(s), now))).append('\n');
        }
        drawn = StageName.values().length;
        out.print(sb);
        out.flush();
    }

    /** The last draw; gives the cursor back. Call once, whatever the outcome. */
    public void close() {
        redraw();
        if (cursorHidden) {
            out.print("\033[?25h");
            cursorHidden = false;
        }
        out.flush();
    }

    /** The cursor back to visible (a shutdown hook's last word on a terminal). */
    public static String showCursor() {
        return "\033[?25h";
    }

    /** The six stage lines as they stand now (what a terminal shows). */
    public List<String> lines() {
        long now = nanos.getAsLong();
        List<String> out = new ArrayList<>();
        for (StageName s : StageName.values()) {
            out.add(lineOf(s, stages.get(s), now));
        }
        return out;
    }

    private void plain(StageName s) {
        if (!style.ansi()) {
            out.println(lineOf(s, stages.get(s), nanos.getAsLong()));
        }
    }

    private String lineOf(StageName s, StageView v, long now) {
        return switch (v.status) {
            case PENDING -> line(style.pending(), s, "", "");
            case RUNNING -> line(style.spinner((now - startNanos) / NANOS_PER_TICK), s, seconds((now - v.startedNanos) / 1e9),
                                 v.progress == null ? "" : v.progress);
            case DONE -> line(style.done(), s, v.durationSec == null ? "" : seconds(v.durationSec), v.detail);
            case SKIPPED -> line(style.skipped(), s, "", "skipped: " + v.detail);
            case FAILED -> line(style.failed(), s, v.durationSec == null ? "" : seconds(v.durationSec), v.detail);
        };
    }

    private static String line(String icon, StageName s, String time, String detail) {
        String text = String.format(Locale.ROOT, "%s %-9s %6s  %s", icon, s.key(), time, detail == null ? "" : detail);
        return text.stripTrailing();
    }

    private String fit(String line) {
        int max = Math.max(20, style.width() - 1);
        return line.codePointCount(0, line.length()) <= max ? line
                : line.substring(0, line.offsetByCodePoints(0, max - 1)) + (style.unicode() ? "…" : "~");
    }

    static String seconds(double s) {
        return String.format(Locale.ROOT, "%.1fs", s);
    }

    private static String number(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.1f", d);
    }

    private Double elapsedSec(long since) {
        return since == 0 ? null : (nanos.getAsLong() - since) / 1e9;
    }

    // ---------------------------------------------------------------- outcome

    public String topic() {
        return topic;
    }

    public boolean completed() {
        return completed;
    }

    /** The job:failed error, or null. */
    public String failure() {
        return failure;
    }

    public boolean cancelled() {
        return cancelled;
    }

    public int scenes() {
        return scenes;
    }

    /** {@code Completed 6/6 stages in 31.2s}, as the reference's summary, with skipped and failed ones counted. */
    public String summary() {
        long done = stages.values().stream().filter(v -> v.status == Status.DONE).count();
        long skipped = stages.values().stream().filter(v -> v.status == Status.SKIPPED).count();
        long failed = stages.values().stream().filter(v -> v.status == Status.FAILED).count();
        StringBuilder sb = new StringBuilder("Completed ").append(done).append('/').append(stages.size())
                .append(" stages");
        List<String> notes = new ArrayList<>();
        if (skipped > 0) {
            notes.add(skipped + " skipped");
        }
        if (failed > 0) {
            notes.add(failed + " failed");
        }
        if (!notes.isEmpty()) {
            sb.append(" (").append(String.join(", ", notes)).append(')');
        }
        return sb.append(" in ").append(seconds((nanos.getAsLong() - startNanos) / 1e9)).toString();
    }
}
