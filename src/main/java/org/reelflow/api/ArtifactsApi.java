package org.reelflow.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import org.reelflow.jobs.JobService;

/**
 * {@code GET|HEAD /api/v1/jobs/:id/artifacts/*}: files of a job's folder (the video, assets, score.json …), with
 * single byte ranges so video players can seek. A path must stay inside the job's folder after normalisation
 * and after following links: {@code ..}, encoded dots, absolute paths and symlinks pointing out get 403.
 */
public final class ArtifactsApi implements HttpService {

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("mp4", "video/mp4"), Map.entry("webm", "video/webm"), Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"), Map.entry("webp", "image/webp"),
            Map.entry("mp3", "audio/mpeg"), Map.entry("wav", "audio/wav"), Map.entry("m4a", "audio/mp4"),
            Map.entry("json", "application/json"), Map.entry("jsonl", "application/jsonl"),
            Map.entry("txt", "text/plain; charset=utf-8"), Map.entry("ass", "text/plain; charset=utf-8"),
            Map.entry("md", "text/markdown; charset=utf-8"));

    private final JobService jobs;
    private final Function<String, Path> jobDir;

    public ArtifactsApi(JobService jobs, Function<String, Path> jobDir) {
        this.jobs = jobs;
        this.jobDir = jobDir;
    }

    @Override
    public void routing(HttpRules rules) {
        Resource.register(rules, "/jobs/{id}/artifacts/{+path}", Map.of(Method.GET, this::serve));
    }

    private void serve(ServerRequest req, ServerResponse res) throws IOException {
        String id = Responses.jobId(req);
        if (jobs.find(id).isEmpty()) {
            throw ApiException.notFound("Job not found");
        }
        Path file = resolve(jobDir.apply(id), req.path().pathParameters().get("path"));
        long size = Files.size(file);
        long modified = Files.getLastModifiedTime(file).toMillis();
        String etag = "\"" + Long.toHexString(size) + "-" + Long.toHexString(modified) + "\"";
        res.header(HeaderNames.CONTENT_TYPE, contentType(file));
        res.header(HeaderNames.ACCEPT_RANGES, "bytes");
        res.header(HeaderNames.ETAG, etag);
        res.header(HeaderNames.LAST_MODIFIED, DateTimeFormatter.RFC_1123_DATE_TIME
                .format(Instant.ofEpochMilli(modified).atZone(ZoneOffset.UTC)));
        if (req.headers().first(HeaderNames.IF_NONE_MATCH).map(etag::equals).orElse(false)) {
            res.status(Status.NOT_MODIFIED_304).send();
            return;
        }
        ByteRange range = req.headers().first(HeaderNames.RANGE)
                .filter(r -> req.headers().first(HeaderNames.IF_RANGE).map(etag::equals).orElse(true))
                .map(r -> ByteRange.parse(r, size))
                .orElse(ByteRange.whole(size));
        if (range.unsatisfiable()) {
            res.header(HeaderNames.CONTENT_RANGE, "bytes */" + size);
            Responses.error(req, res, Status.REQUESTED_RANGE_NOT_SATISFIABLE_416, "Range not satisfiable");
            return;
        }
        if (range.partial()) {
            res.status(Status.PARTIAL_CONTENT_206);
            res.header(HeaderNames.CONTENT_RANGE, "bytes " + range.start() + "-" + range.end() + "/" + size);
        }
        res.contentLength(range.length());
        if (req.prologue().method() == Method.HEAD) {
            res.send();
            return;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
             InputStream in = Channels.newInputStream(ch.position(range.start()));
             OutputStream out = res.outputStream()) {
            copy(in, out, range.length());
        }
    }

    /** The file a request names, or a 403/404. */
    static Path resolve(Path jobDir, String requested) throws IOException {
        if (requested == null || requested.isEmpty() || requested.indexOf('\0') >= 0) {
            throw ApiException.notFound("Artifact not found");
        }
        Path root = jobDir.toAbsolutePath().normalize();
        Path target;
        try {
            target = root.resolve(requested).normalize();
        } catch (InvalidPathException e) {
            throw ApiException.notFound("Artifact not found");
        }
        if (!target.startsWith(root) || target.equals(root)) {
            throw new ApiException(Status.FORBIDDEN_403, "Access denied");
        }
        Path real;
        try {
            real = target.toRealPath();
        } catch (NoSuchFileException e) {
            throw ApiException.notFound("Artifact not found");
        } catch (FileSystemException e) {
            throw ApiException.notFound("Artifact not found");      // a link loop, a name too long …
        }
        if (!real.startsWith(root.toRealPath())) {
            throw new ApiException(Status.FORBIDDEN_403, "Access denied");   // a link leading out
        }
        if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
            throw ApiException.notFound("Artifact not found");
        }
        return real;
    }

    private static String contentType(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }

    private static void copy(InputStream in, OutputStream out, long length) throws IOException {
        byte[] buf = new byte[64 * 1024];
        long left = length;
        while (left > 0) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (n < 0) {
                break;
            }
            out.write(buf, 0, n);
            left -= n;
        }
    }
}
