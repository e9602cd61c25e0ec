package org.reelflow.events;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;

/**
 * Keeps each job's events as JSON lines in {@code events.jsonl} beside its meta.json. One line per event,
 * appended and forced to disk, so a crash loses at most the line being written — and a torn last line is
 * skipped on read.
 */
public final class FileEventLog implements EventLog {

    private static final Logger LOG = Logger.getLogger(FileEventLog.class.getName());
    public static final String FILE_NAME = "events.jsonl";

    private final Function<String, Path> jobDir;

    /** @param jobDir where a job's files live (the job store decides) */
    public FileEventLog(Function<String, Path> jobDir) {
        this.jobDir = jobDir;
    }

    @Override
    public void append(String jobId, JobEvent event) throws IOException {
        JsonObjectBuilder entry = Json.createObjectBuilder().add("id", event.id()).add("event", event.name())
                .add("data", event.data());
        if (event.at() != null) {
            entry.add("at", event.at().toString());
        }
        String line = entry.build().toString() + "\n";
        Path file = jobDir.apply(jobId).resolve(FILE_NAME);
        // READ to look at the last byte, which APPEND does not allow with it: write at the end instead (the job's
        // owner appends one event at a time).
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                                               StandardOpenOption.WRITE)) {
            long end = ch.size();
            if (endsTorn(ch, end)) {
                // A crash tore the last line. Glued onto it, this event would be skipped with the fragment at the
                // next read — the job:failed that start-up appends would vanish, and its stream never end.
                line = "\n" + line;
            }
            ByteBuffer buf = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) {
                end += ch.write(buf, end);
            }
            ch.force(false);
        }
    }

    /** The file does not end with a newline: its last line was cut short. One byte read, beside an fsync. */
    private static boolean endsTorn(FileChannel ch, long size) throws IOException {
        if (size == 0) {
            return false;
        }
        ByteBuffer last = ByteBuffer.allocate(1);
        ch.read(last, size - 1);
        return last.get(0) != '\n';
    }

    @Override
    public Optional<Instant> lastAppended(String jobId) throws IOException {
        try {
            return Optional.of(Files.getLastModifiedTime(jobDir.apply(jobId).resolve(FILE_NAME)).toInstant());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<JobEvent> read(String jobId) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(jobDir.apply(jobId).resolve(FILE_NAME), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        }
        List<JobEvent> events = new ArrayList<>(lines.size());
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            try (JsonReader r = Json.createReader(new StringReader(line))) {
                JsonObject o = r.readObject();
                String at = o.getString("at", null);      // absent in the logs of versions before it was kept
                events.add(JobEvent.read(o.getJsonNumber("id").longValue(), o.getString("event"), o.getJsonObject("data"),
                                         at == null ? null : Instant.parse(at)));
            } catch (JsonException | ClassCastException | NullPointerException | DateTimeParseException e) {
                LOG.log(Level.WARNING, "Skipping a damaged line in the event log of job " + jobId + ": " + e.getMessage());
            }
        }
        return events;
    }

    @Override
    public void delete(String jobId) throws IOException {
        Files.deleteIfExists(jobDir.apply(jobId).resolve(FILE_NAME));
    }
}
