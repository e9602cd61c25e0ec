package org.reelflow.api;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.reelflow.app.StandardStages;
import org.reelflow.support.RawHttp;
import org.reelflow.support.TestServer;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.reelflow.support.Streams.WAIT;

/** Artifact serving: content types, ranges, HEAD, and paths that try to leave the job's folder. */
class ArtifactsTest {

    @TempDir
    Path dir;
    @TempDir
    Path outside;
    TestServer server;
    String id;
    String runDir;
    byte[] video = new byte[1000];

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(dir, StandardStages::create);
        id = server.submit("{\"topic\":\"Artifacts\",\"dryRun\":true}");
        runDir = server.awaitStatus(id, WAIT, "completed").getString("runDir");
        for (int i = 0; i < video.length; i++) {
            video[i] = (byte) i;
        }
        Files.write(dir.resolve(id).resolve(runDir).resolve("final.mp4"), video);
        Files.writeString(outside.resolve("secret.txt"), "top secret");
        Files.createSymbolicLink(dir.resolve(id).resolve("link-out"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(dir.resolve(id).resolve("dir-out"), outside);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<byte[]> get(String path, String range) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri(path));
        if (range != null) {
            b.header("Range", range);
        }
        return java.net.http.HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private String artifact(String rel) {
        return "/api/v1/jobs/" + id + "/artifacts/" + rel;
    }

    @Test
    void servesFilesWithTheirContentType() throws Exception {
        var score = server.get(artifact(runDir + "/score.json"));
        assertThat(score.statusCode(), is(200));
        assertThat(score.headers().firstValue("content-type").orElse(""), is("application/json"));
        assertThat(score.body(), containsString("\"scenes\""));
        var mp4 = get(artifact(runDir + "/final.mp4"), null);
        assertThat(mp4.headers().firstValue("content-type").orElse(""), is("video/mp4"));
        assertThat(mp4.headers().firstValue("accept-ranges").orElse(""), is("bytes"));
        assertThat(Arrays.equals(mp4.body(), video), is(true));
        assertThat(server.get(artifact(runDir + "/missing.png")).statusCode(), is(404));
        assertThat(server.get("/api/v1/jobs/99/artifacts/x").body(), is("{\"error\":\"Job not found\"}"));
    }

    @Test
    void byteRangesForSeeking() throws Exception {
        var first = get(artifact(runDir + "/final.mp4"), "bytes=0-99");
        assertThat(first.statusCode(), is(206));
        assertThat(first.headers().firstValue("content-range").orElse(""), is("bytes 0-99/1000"));
        assertThat(Arrays.equals(first.body(), Arrays.copyOfRange(video, 0, 100)), is(true));
        var open = get(artifact(runDir + "/final.mp4"), "bytes=900-");
        assertThat(open.headers().firstValue("content-range").orElse(""), is("bytes 900-999/1000"));
        assertThat(Arrays.equals(open.body(), Arrays.copyOfRange(video, 900, 1000)), is(true));
        var suffix = get(artifact(runDir + "/final.mp4"), "bytes=-10");
        assertThat(Arrays.equals(suffix.body(), Arrays.copyOfRange(video, 990, 1000)), is(true));
        var beyond = get(artifact(runDir + "/final.mp4"), "bytes=5000-");
        assertThat(beyond.statusCode(), is(416));
        assertThat(beyond.headers().firstValue("content-range").orElse(""), is("bytes */1000"));
    }

    @Test
    void headHasTheHeadersAndNoBody() throws Exception {
        var head = java.net.http.HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(server.uri(artifact(runDir + "/final.mp4"))).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(head.statusCode(), is(200));
        assertThat(head.headers().firstValue("content-length").orElse(""), is("1000"));
        assertThat(head.headers().firstValue("content-type").orElse(""), is("video/mp4"));
        assertThat(head.body().length, is(0));
    }

    @Test
    void aLinkThatStaysInsideTheJobFolderServesItsTargetAsWhatItIs() throws Exception {
        Path assets = dir.resolve(id).resolve(runDir).resolve("assets");
        Files.createDirectories(assets);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        Files.write(assets.resolve("scene-0-ai.png"), png);
        Files.createSymbolicLink(assets.resolve("scene-0-stock.jpg"), Path.of("scene-0-ai.png"));
        var res = get(artifact(runDir + "/assets/scene-0-stock.jpg"), null);
        assertThat(res.statusCode(), is(200));
        assertThat(res.headers().firstValue("content-type").orElse(""), is("image/png"));
        assertThat(Arrays.equals(res.body(), png), is(true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../1/meta.json", "..%2F..%2Fsecret.txt", "%2e%2e/%2e%2e/etc/passwd", "%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
            "/etc/passwd", "%2Fetc%2Fpasswd", "..\\..\\etc\\passwd", "link-out", "dir-out/secret.txt",
            "assets/../../../../etc/passwd", "%00", "."})
    void pathsThatLeaveTheJobFolderNeverServeAFile(String path) throws Exception {
        String response = raw("/api/v1/jobs/" + id + "/artifacts/" + path);
        String status = response.substring(9, 12);
        assertThat(path + " -> " + response.lines().findFirst().orElse(""), status,
                   anyOf(is("403"), is("404"), is("400")));
        assertThat(response, not(containsString("top secret")));
        assertThat(response, not(containsString("root:")));
    }

    /** A request sent byte for byte, so no client library normalises the path first. */
    private String raw(String path) throws Exception {
        return RawHttp.roundTrip(server.port(), "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    }
}
