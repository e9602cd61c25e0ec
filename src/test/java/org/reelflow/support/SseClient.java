package org.reelflow.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A raw-socket SSE client for tests: HTTP/1.1 request, chunked decoding, and the SSE parser of the HTML spec
 * (blank line dispatches; {@code :} comments; {@code field: value} with one leading space dropped). A reader
 * thread puts whole events on a queue; tests poll with a timeout. Raw sockets let a test cut the connection
 * at any point, or connect and never read.
 */
public final class SseClient implements AutoCloseable {

    /**
     * One dispatched event, a comment (name {@code ":"}), a retry hint (name {@code "retry:"}), or the end of the
     * stream (name {@code "EOF"}).
     */
    public record Event(String id, String name, String data, String retry) {
        public boolean isEof() {
            return "EOF".equals(name);
        }
    }

    private final Socket socket;
    private final LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final int status;
    private final List<Event> received = new ArrayList<>();
    private volatile boolean endedCleanly;

    private SseClient(Socket socket, int status) {
        this.socket = socket;
        this.status = status;
    }

    /** Connects and reads the response head; the body is read on a virtual thread. */
    public static SseClient connect(int port, String path, Map<String, String> requestHeaders) throws IOException {
        return connect(port, path, requestHeaders, true);
    }

    /** @param read false: never read the body (a client that stops reading) */
    public static SseClient connect(int port, String path, Map<String, String> requestHeaders, boolean read)
            throws IOException {
        Socket s = new Socket("127.0.0.1", port);
        s.setSoTimeout(30_000);
        if (!read) {
            s.setReceiveBufferSize(4096);
        }
        StringBuilder req = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n");
        requestHeaders.forEach((k, v) -> req.append(k).append(": ").append(v).append("\r\n"));
        req.append("\r\n");
        OutputStream out = s.getOutputStream();
        out.write(req.toString().getBytes(StandardCharsets.US_ASCII));
        out.flush();
        if (!read) {
            return new SseClient(s, -1);
        }
        InputStream in = new BufferedInputStream(s.getInputStream());
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        SseClient client = new SseClient(s, status);
        String h;
        while (!(h = line(in)).isEmpty()) {
            int colon = h.indexOf(':');
            client.headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
        }
        boolean chunked = "chunked".equalsIgnoreCase(client.headers.get("transfer-encoding"));
        InputStream body = chunked ? new ChunkedInputStream(in) : in;
        Thread.ofVirtual().start(() -> client.parse(body));
        return client;
    }

    public int status() {
        return status;
    }

    /** True once the stream ended with HTTP's terminating chunk (a clean end, not a cut). */
    public boolean endedCleanly() {
        return endedCleanly;
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The next event (comments skipped), or null after the timeout. */
    public Event next(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Event e = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (e == null || !(":".equals(e.name()) || "retry:".equals(e.name()))) {
                if (e != null) {
                    synchronized (received) {
                        received.add(e);
                    }
                }
                return e;
            }
        }
    }

    /** The next item including comments, or null after the timeout. */
    public Event nextRaw(Duration timeout) throws InterruptedException {
        return events.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Reads events until EOF (or the timeout); returns them without the EOF marker. Fails if no EOF came. */
    public List<Event> readToEnd(Duration timeout) throws InterruptedException {
        List<Event> out = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Event e = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (e == null) {
                throw new AssertionError("stream did not end within " + timeout + "; got " + out);
            }
            if (e.isEof()) {
                return out;
            }
            out.add(e);
        }
    }

    /** Cuts the connection at once (RST), as a dropped network would. */
    public void abort() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private void parse(InputStream body) {
        String id = null;
        String name = null;
        String retry = null;
        StringBuilder data = null;
        try {
            String l;
            while ((l = utf8Line(body)) != null) {
                if (l.isEmpty()) {
                    if (retry != null) {
                        events.add(new Event(null, "retry:", null, retry));
                    }
                    if (data != null) {          // the spec dispatches only blocks with data
                        events.add(new Event(id, name == null ? "message" : name, data.toString(), null));
                    }
                    id = null;
                    name = null;
                    retry = null;
                    data = null;
                    continue;
                }
                if (l.startsWith(":")) {
                    events.add(new Event(null, ":", l.substring(1).trim(), null));
                    continue;
                }
                int colon = l.indexOf(':');
                String field = colon < 0 ? l : l.substring(0, colon);
                String value = colon < 0 ? "" : l.substring(colon + 1);
                if (value.startsWith(" ")) {
                    value = value.substring(1);
                }
                switch (field) {
                    case "id" -> id = value;
                    case "event" -> name = value;
                    case "retry" -> retry = value;
                    case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                    default -> { }
                }
            }
            endedCleanly = true;
        } catch (IOException e) {
            // connection closed by this test or reset by the server
        } finally {
            events.add(new Event(null, "EOF", null, null));
        }
    }

    private static String line(InputStream in) throws IOException {
        String l = utf8Line(in);
        if (l == null) {
            throw new SocketException("connection closed while reading the response head");
        }
        return l;
    }

    /** One line without its CRLF or LF; null at end of stream. */
    static String utf8Line(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                break;
            }
            buf.write(b);
        }
        if (b < 0 && buf.size() == 0) {
            return null;
        }
        String s = buf.toString(StandardCharsets.UTF_8);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    /** HTTP/1.1 chunked transfer decoding. */
    private static final class ChunkedInputStream extends InputStream {
        private final InputStream in;
        private int left;
        private boolean done;

        ChunkedInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            if (done) {
                return -1;
            }
            if (left == 0) {
                String size = utf8Line(in);
                if (size == null) {
                    throw new IOException("stream cut inside chunked body (no terminating chunk)");
                }
                if (size.isEmpty()) {
                    size = utf8Line(in);          // the CRLF after the previous chunk's data
                    if (size == null) {
                        throw new IOException("stream cut inside chunked body (no terminating chunk)");
                    }
                }
                left = Integer.parseInt(size.split(";")[0].trim(), 16);
                if (left == 0) {
                    done = true;
                    return -1;
                }
            }
            int b = in.read();
            if (b < 0) {
                throw new IOException("stream cut inside a chunk");
            }
            left--;
            return b;
        }
    }
}
