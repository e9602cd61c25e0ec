package org.reelflow.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Whole-file writes that a reader (the artifacts API, a player, the next stage) never sees half done: the content goes
 * to a temporary file in the target's own folder, then one rename puts it in place. The temp file is gone afterwards
 * whatever happened (a failure, an interrupt), so a cancelled job leaves nothing half-written behind.
 *
 * <p>It lives in a package of its own, importing nothing of Reelflow, so jobs, media and providers can all use it
 * without one pointing at another. It never creates the target's folder: a late write into a job folder that was
 * just deleted must fail, not bring the folder back.
 *
 * <p>Two kinds of temp name, because callers need both: {@link #partNextTo} is a fixed {@code <name>.part}, which the
 * next attempt simply overwrites after a crash (used where one writer owns the target, e.g. a job's final.mp4);
 * {@link #tempNextTo} is unique, for targets that several threads may write at once (a shared download cache).
 */
public final class AtomicFiles {

    private static final int COPY_BUFFER = 64 * 1024;

    /** Writes a temp file's content; may throw {@code X} (e.g. InterruptedException from running ffmpeg) as well. */
    @FunctionalInterface
    public interface Content<X extends Exception> {
        void writeTo(Path tmp) throws IOException, X;
    }

    private AtomicFiles() {
    }

    /**
     * {@code content} in place of {@code target}, fsynced before the rename, so that after a crash the file is either
     * the old or the new one and never empty: for records that are read back on restart (the job store).
     */
    public static void writeDurably(Path target, byte[] content) throws IOException {
        write(target, tempNextTo(target, ".part"), tmp -> {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
        });
    }

    /**
     * {@code content} in place of {@code target} through a unique temp file; no fsync (a lost download is fetched
     * again, and forcing every clip to disk would slow each scene for nothing).
     */
    public static void write(Path target, byte[] content) throws IOException {
        write(target, tempNextTo(target, ".part"), tmp -> Files.write(tmp, content));
    }

    /**
     * Everything {@code in} holds in place of {@code target} through a unique temp file. Checks for an interrupt
     * between chunks, so cancelling a job stops a long copy: it then throws InterruptedIOException, leaves the
     * thread's interrupt flag set for the caller, and leaves neither a temp file nor a changed target.
     */
    public static void copy(InputStream in, Path target) throws IOException {
        write(target, tempNextTo(target, ".part"), tmp -> {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                byte[] buf = new byte[COPY_BUFFER];
                while (true) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw new InterruptedIOException("copy to " + target.getFileName() + " interrupted");
                    }
                    int n = in.read(buf);
                    if (n < 0) {
                        break;
                    }
                    out.write(buf, 0, n);
                }
            }
        });
    }

    /**
     * Has {@code content} write {@code tmp} (from {@link #partNextTo} or {@link #tempNextTo}; its extension is kept,
     * which ffmpeg needs to pick a muxer), then moves it onto {@code target}. {@code tmp} is deleted on any failure,
     * InterruptedException included.
     */
    public static <X extends Exception> void write(Path target, Path tmp, Content<X> content) throws IOException, X {
        try {
            content.writeTo(tmp);
            moveIntoPlace(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Renames the finished {@code tmp} (in the same folder) onto {@code target}, replacing it. Where the filesystem
     * cannot rename atomically a plain replacing move is the best left, still better than failing the job; if the
     * move fails, {@code tmp} is deleted.
     */
    public static void moveIntoPlace(Path tmp, Path target) throws IOException {
        try {
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    /** {@code <name>.part} beside {@code target}: a fixed name, so a crashed attempt's leftover is overwritten next time. */
    public static Path partNextTo(Path target) {
        return target.resolveSibling(target.getFileName() + ".part");
    }

    /**
     * A new empty file {@code .<name>.<random><suffix>} beside {@code target}: hidden, and unique so that two writers
     * of one target never share a temp file. The folder must exist.
     */
    public static Path tempNextTo(Path target, String suffix) throws IOException {
        Path abs = target.toAbsolutePath();
        return Files.createTempFile(abs.getParent(), "." + abs.getFileName() + ".", suffix);
    }
}
