package org.reelflow.support;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import org.reelflow.events.FileEventLog;
import org.reelflow.events.JobEvent;
import org.reelflow.jobs.JobRecord;

/**
 * meta.json is a cache of the fold of events.jsonl: for every job folder a server leaves behind, folding the log into
 * the submitted record must give meta.json exactly — or the fold of all but its last event: a job stopped between
 * appending an event and saving meta.json (the server's stop interrupts its workers) is one behind until the next
 * start-up rebuilds it, the same window as a crash. A folder whose log is of a version before events were dated (its
 * first line has no {@code at}) holds record fields no event carried, so its meta.json is the truth and it is not
 * checked; neither is one whose meta.json cannot be read (a test that damages it on purpose).
 */
public final class FoldCheck {

    private FoldCheck() {
    }

    /** The jobs under {@code jobsDir} whose meta.json is not the fold of their log, each with both versions. */
    public static List<String> mismatches(Path jobsDir) throws IOException {
        List<String> out = new ArrayList<>();
        if (!Files.isDirectory(jobsDir)) {
            return out;
        }
        FileEventLog log = new FileEventLog(jobsDir::resolve);
        try (Stream<Path> dirs = Files.list(jobsDir)) {
            for (Path dir : (Iterable<Path>) dirs.filter(Files::isDirectory)::iterator) {
                Path metaFile = dir.resolve("meta.json");
                if (!Files.exists(metaFile)) {
                    continue;
                }
                JsonObject meta;
                try (JsonReader r = Json.createReader(new StringReader(Files.readString(metaFile)))) {
                    meta = r.readObject();
                } catch (JsonException e) {
                    continue;
                }
                String id = dir.getFileName().toString();
                List<JobEvent> events = log.read(id);
                if (!JobRecord.foldable(events)) {
                    continue;
                }
                JobRecord submitted = JobRecord.fromJson(meta);
                JsonObject folded = JobRecord.fold(submitted, events).toJson();
                boolean oneBehind = !events.isEmpty()
                        && JobRecord.fold(submitted, events.subList(0, events.size() - 1)).toJson().equals(meta);
                if (!folded.equals(meta) && !oneBehind) {
                    out.add("job " + id + ": meta.json " + meta + "\n  but the fold of its log gives " + folded);
                }
            }
        }
        return out;
    }

    /** Fails when any job under {@code jobsDir} is not the fold of its log. */
    public static void check(Path jobsDir) {
        try {
            List<String> wrong = mismatches(jobsDir);
            if (!wrong.isEmpty()) {
                throw new AssertionError("meta.json must be the fold of events.jsonl:\n" + String.join("\n", wrong));
            }
        } catch (IOException e) {
            throw new AssertionError("cannot check the jobs under " + jobsDir + ": " + e.getMessage(), e);
        }
    }
}
