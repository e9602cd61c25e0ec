package org.reelflow.cli;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import org.reelflow.events.Event;

/** {@code reelflow watch <url> <jobId>}: follows a server's job with the same display as {@code generate}. */
public final class WatchCommand {

    private final Terminal term;
    private final Duration defaultRetry;
    private final int maxReconnects;
    private final Duration idleLimit;
    /** The server's API token (the same API_TOKEN the server reads), or null. */
    private final String token;

    public WatchCommand(Terminal term, String token) {
        this(term, Duration.ofSeconds(3), 20, Duration.ofSeconds(45), token);
    }

    /** @param idleLimit silence that counts as a dropped connection (three of the server's 15 s heartbeats) */
    WatchCommand(Terminal term, Duration defaultRetry, int maxReconnects, Duration idleLimit, String token) {
        this.term = term;
        this.token = token == null || token.isBlank() ? null : token.trim();
        this.defaultRetry = defaultRetry;
        this.maxReconnects = maxReconnects;
        this.idleLimit = idleLimit;
    }

    /** The parsed command line: the server's base URL (no trailing slash, no /api/v1) and the job id. */
    record Target(URI base, String jobId, boolean help) {
    }

    static Target parse(List<String> args) throws UsageException {
        List<String> positional = new ArrayList<>();
        boolean optionsEnded = false;
        for (String a : args) {
            if (!optionsEnded && (a.equals("--help") || a.equals("-h"))) {
                return new Target(null, null, true);
            }
            if (!optionsEnded && a.equals("--")) {
                optionsEnded = true;
            } else if (!optionsEnded && a.startsWith("-") && a.length() > 1) {
                throw new UsageException("unknown option '" + a + "' for watch; see reelflow watch --help");
            } else {
                positional.add(a);
            }
        }
        if (positional.size() != 2) {
            throw new UsageException("watch needs a server URL and a job id: reelflow watch http://localhost:8080 3");
        }
        String url = positional.get(0).trim().replaceAll("/+$", "").replaceAll("/api/v1$", "");
        URI base;
        try {
            base = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new UsageException("not a URL: '" + positional.get(0) + "' (e.g. http://localhost:8080)");
        }
        if (base.getScheme() == null || !base.getScheme().matches("(?i)https?") || base.getHost() == null) {
            throw new UsageException("the server URL must be http:// or https:// with a host, e.g. http://localhost:8080; got '"
                                     + positional.get(0) + "'");
        }
        if (base.getQuery() != null || base.getFragment() != null) {
            throw new UsageException("the server URL takes no query or fragment: '" + positional.get(0) + "'");
        }
        String id = positional.get(1).trim();
        if (!id.matches("[\\w-]+")) {
            throw new UsageException("invalid job id '" + positional.get(1) + "': letters, digits, '_' and '-' only");
        }
        return new Target(base, id, false);
    }

    public int run(List<String> args) throws UsageException, InterruptedException {
        Target t = parse(args);
        if (t.help()) {
            term.out().print(Cli.watchHelp());
            return Cli.OK;
        }
        ProgressDisplay display = new ProgressDisplay(term.out(), term.style(), term.nanos());
        boolean headerShown = false;
        try (RemoteFeed feed = new RemoteFeed(t.base(), t.jobId(), defaultRetry, maxReconnects, idleLimit, token)) {
            while (true) {
                StreamEvent e = feed.poll(100);
                for (String notice = feed.takeNotice(); notice != null; notice = feed.takeNotice()) {
                    display.message(notice);
                }
                if (e == null) {
                    display.redraw();
                    continue;
                }
                if (!headerShown && e.event() instanceof Event.JobSnapshot(JsonObject record)) {
                    headerShown = true;
                    display.message("Watching job " + t.jobId() + " \"" + record.getString("topic", "?") + "\" ("
                                    + record.getString("status", "?") + ") on " + t.base());
                }
                display.apply(e);
                if (e.terminal()) {
                    break;
                }
            }
        } catch (IOException e) {
            display.close();
            term.err().println(e.getMessage());
            return Cli.FAILED;
        }
        display.close();
        term.out().println();
        term.out().println(display.summary());
        if (display.completed()) {
            JsonObject record = record(t, token);
            String video = record == null ? null : record.getString("videoPath", null);
            if (video != null) {
                term.out().println("Done! Video: " + t.base() + "/api/v1/jobs/" + t.jobId() + "/artifacts/" + pathUrl(video));
            } else if (record != null && record.getBoolean("dryRun", false)) {
                term.out().println("Dry run complete. DirectorScore: " + t.base() + "/api/v1/jobs/" + t.jobId());
            } else {
                term.out().println("Done.");
            }
            return Cli.OK;
        }
        term.err().println((display.cancelled() ? "Cancelled: " : "Pipeline failed: ")
                           + GenerateRequest.oneLine(display.failure()));
        return Cli.FAILED;
    }

    /** The job record after the end, for the video's path; null if the server cannot say. */
    private static JsonObject record(Target t, String token) throws InterruptedException {
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(t.base() + "/api/v1/jobs/" + t.jobId()))
                    .timeout(Duration.ofSeconds(10));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> res = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() != 200) {
                return null;
            }
            try (JsonReader r = Json.createReader(new StringReader(res.body()))) {
                return r.readObject();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String pathUrl(String relative) {
        List<String> parts = new ArrayList<>();
        for (String p : relative.split("/")) {
            parts.add(URLEncoder.encode(p, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return String.join("/", parts);
    }
}
