package org.reelflow.files;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();   // an interrupt test must not leak its flag into the next test on this thread
    }

    @Test
    void replacesTheTargetByRenameSoAnOpenReaderKeepsTheWholeOldFile() throws IOException {
        Path target = dir.resolve("meta.json");
        Files.writeString(target, "old content");
        try (InputStream reader = Files.newInputStream(target)) {
            AtomicFiles.write(target, "new".getBytes(StandardCharsets.UTF_8));
            // An in-place rewrite (truncate, write) would show this reader "new" or nothing; a rename leaves its file alone.
            assertThat(new String(reader.readAllBytes(), StandardCharsets.UTF_8), is("old content"));
        }
        assertThat(Files.readString(target), is("new"));
        assertThat(names(), contains("meta.json"));
    }

    @Test
    void durableWriteReplacesTheTargetAndLeavesNoTempFile() throws IOException {
        Path target = dir.resolve(".last-id");
        Files.writeString(target, "41");
        AtomicFiles.writeDurably(target, "42".getBytes(StandardCharsets.UTF_8));
        assertThat(Files.readString(target), is("42"));
        assertThat(names(), contains(".last-id"));
    }

    @Test
    void aFailedWriteKeepsTheOldTargetAndRemovesItsPartFile() throws IOException {
        Path target = dir.resolve("final.mp4");
        Files.writeString(target, "old");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, AtomicFiles.partNextTo(target), tmp -> {
            Files.writeString(tmp, "half a vid");
            throw new IOException("encoder died");
        }));
        assertThat(e.getMessage(), is("encoder died"));
        assertThat(Files.readString(target), is("old"));
        assertThat(names(), contains("final.mp4"));
    }

    @Test
    void anInterruptedWriterKeepsTheOldTargetAndRemovesItsUniqueTempFile() throws IOException {
        Path target = dir.resolve("frame.png");
        Files.writeString(target, "old");
        Path tmp = AtomicFiles.tempNextTo(target, ".png");
        assertThat(tmp.getFileName().toString(), startsWith(".frame.png."));
        assertThat("ffmpeg picks its muxer by the extension", tmp.getFileName().toString(), endsWith(".png"));
        assertThrows(InterruptedException.class, () -> AtomicFiles.write(target, tmp, t -> {
            Files.writeString(t, "partial");
            throw new InterruptedException("cancelled");
        }));
        assertThat(Files.readString(target), is("old"));
        assertThat(names(), contains("frame.png"));
    }

    @Test
    void aMoveThatFailsStillRemovesTheTempFile() throws IOException {
        // A non-empty folder cannot be replaced by a file, so the rename itself fails.
        Path target = dir.resolve("busy");
        Files.createDirectories(target.resolve("inside"));
        Path part = AtomicFiles.partNextTo(target);
        assertThrows(IOException.class, () -> AtomicFiles.write(target, part, t -> Files.writeString(t, "x")));
        assertThat(Files.exists(part), is(false));
        assertThat(Files.isDirectory(target.resolve("inside")), is(true));
    }

    @Test
    void copiesAStreamLargerThanOneBuffer() throws IOException {
        byte[] big = new byte[200_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) i;
        }
        Path target = dir.resolve("scene-1-stock.mp4");
        AtomicFiles.copy(new ByteArrayInputStream(big), target);
        assertThat(Files.readAllBytes(target), is(big));
        assertThat(names(), contains("scene-1-stock.mp4"));
    }

    @Test
    void anInterruptedStreamCopyStopsCleansUpAndKeepsTheInterrupt() throws IOException {
        Path target = dir.resolve("scene-1-stock.mp4");
        Files.writeString(target, "old");
        // Twenty chunks, interrupted (as a cancel would) after the first: a copy that ignored the interrupt would
        // finish and replace the target.
        InputStream slow = new InputStream() {
            private int reads;

            @Override
            public int read() {
                return 'x';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (++reads > 20) {
                    return -1;
                }
                if (reads == 2) {
                    Thread.currentThread().interrupt();
                }
                Arrays.fill(b, off, off + len, (byte) 'x');
                return len;
            }
        };
        assertThrows(InterruptedIOException.class, () -> AtomicFiles.copy(slow, target));
        assertThat("the caller still sees the cancel", Thread.currentThread().isInterrupted(), is(true));
        assertThat(Files.readString(target), is("old"));
        assertThat(names(), contains("scene-1-stock.mp4"));
    }

    @Test
    void twoTempFilesForOneTargetNeverShareAName() throws IOException {
        Path target = dir.resolve("clip.mp4");
        Path a = AtomicFiles.tempNextTo(target, ".part");
        Path b = AtomicFiles.tempNextTo(target, ".part");
        assertThat(names(), containsInAnyOrder(a.getFileName().toString(), b.getFileName().toString()));
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
