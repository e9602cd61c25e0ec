package org.reelflow.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;

import org.reelflow.files.AtomicFiles;

/** Jobs as folders: {@code <jobs.dir>/<id>/meta.json} (pretty-printed, as the reference), {@code request.json}. */
public final class FileJobStore implements JobStore {

    private static final Pattern NUMERIC = Pattern.compile("\\d+");
    private static final String COUNTER = ".last-id";
    private static final JsonWriterFactory PRETTY = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));

    private final Path root;
    private long lastId;

    public FileJobStore(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        Files.createDirectories(this.root);
        this.lastId = readCounter();
    }

    public Path root() {
        return root;
    }

    @Override
    public synchronized String nextId() throws IOException {
        long next = lastId + 1;
        while (Files.exists(root.resolve(Long.toString(next)))) {   // never reuse a folder left by a lost counter
            next++;
        }
        AtomicFiles.writeDurably(root.resolve(COUNTER), Long.toString(next).getBytes(StandardCharsets.UTF_8));
        lastId = next;
        String id = Long.toString(next);
        Files.createDirectories(jobDir(id));
        return id;
    }

    @Override
    public Path jobDir(String id) {
        return root.resolve(id);
    }

    @Override
    public void save(JobRecord record) throws IOException {
        Path dir = jobDir(record.id());
        Files.createDirectories(dir);
        AtomicFiles.writeDurably(dir.resolve("meta.json"), pretty(record.toJson()));
    }

    @Override
    public Optional<JobRecord> load(String id) throws IOException {
        return readJson(jobDir(id).resolve("meta.json")).map(JobRecord::fromJson);
    }

    @Override
    public void saveRequest(String id, JobRequest request) throws IOException {
        AtomicFiles.writeDurably(jobDir(id).resolve("request.json"), pretty(request.toJson()));
    }

    @Override
    public Optional<JobRequest> loadRequest(String id) throws IOException {
        return readJson(jobDir(id).resolve("request.json")).map(JobRequest::fromJson);
    }

    @Override
    public List<String> ids() throws IOException {
        List<String> ids = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            dirs.filter(Files::isDirectory)
                .filter(d -> Files.exists(d.resolve("meta.json")))
                .forEach(d -> ids.add(d.getFileName().toString()));
        }
        return ids;
    }

    @Override
    public void delete(String id) throws IOException {
        Path dir = jobDir(id);
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private long readCounter() throws IOException {
        long counted = 0;
        try {
            counted = Long.parseLong(Files.readString(root.resolve(COUNTER)).trim());
        } catch (NoSuchFileException | NumberFormatException e) {
            // No counter yet (or a damaged one): the folders below tell the highest id used.
        }
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path d : (Iterable<Path>) dirs::iterator) {
                String name = d.getFileName().toString();
                if (NUMERIC.matcher(name).matches() && name.length() < 18) {
                    counted = Math.max(counted, Long.parseLong(name));
                }
            }
        }
        return counted;
    }

    private static Optional<JsonObject> readJson(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); JsonReader r = Json.createReader(in)) {
            return Optional.of(r.readObject());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (jakarta.json.JsonException e) {
            throw new IOException("damaged " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private static byte[] pretty(JsonObject json) {
        var out = new java.io.StringWriter();
        try (var w = PRETTY.createWriter(out)) {
            w.writeObject(json);
        }
        return out.toString().strip().concat("\n").getBytes(StandardCharsets.UTF_8);
    }
}
