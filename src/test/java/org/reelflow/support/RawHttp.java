package org.reelflow.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 as bytes on one socket: sends exactly what a test writes (broken framing, pipelined requests, bodies
 * that hide requests) and reads back every response the server writes until it closes the connection or goes
 * quiet. The parser follows Content-Length and chunked framing, and knows a HEAD answer has no body, so bytes a
 * server wrongly sends after a HEAD show up as a garbled next response.
 */
public final class RawHttp {

    /** One parsed response. */
    public record Response(int status, Map<String, String> headers, byte[] body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public boolean isJson() {
            String type = header("content-type");
            return type != null && type.startsWith("application/json");
        }
    }

    /** What one connection produced: the responses, whether the server closed it, and any unparsable rest. */
    public record Exchange(List<Response> responses, boolean closedByServer, byte[] garbage) {

        public Response first() {
            if (responses.isEmpty()) {
                throw new AssertionError("no response; garbage: " + new String(garbage, StandardCharsets.ISO_8859_1));
            }
            return responses.getFirst();
        }
    }

    private RawHttp() {
    }

    /**
     * Sends one request as written (no client library normalises its path or Host) and returns its first answer as
     * text: the status line, then the body.
     */
    public static String roundTrip(int port, String request) throws IOException {
        Response r = exchange(port, request.getBytes(StandardCharsets.UTF_8), 5000, 1).first();
        return "HTTP/1.1 " + r.status() + "\r\n" + r.text();
    }

    public static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Sends {@code request} and reads until the server closes or is quiet for {@code quietMs}.
     *
     * @param heads how many of the pipelined requests are HEADs, in order (their answers carry no body)
     */
    public static Exchange exchange(int port, byte[] request, int quietMs, boolean... heads) throws IOException {
        return exchange(port, request, quietMs, Integer.MAX_VALUE, heads);
    }

    /** As above, but returns as soon as {@code expected} whole responses have arrived. */
    public static Exchange exchange(int port, byte[] request, int quietMs, int expected, boolean... heads) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            s.setSoTimeout(quietMs);
            OutputStream out = s.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException e) {
                // The server may close while a large body is still being sent; what it answered is still readable.
            }
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            boolean closed = false;
            InputStream in = s.getInputStream();
            byte[] buf = new byte[65536];
            while (true) {
                int n;
                try {
                    n = in.read(buf);
                } catch (SocketTimeoutException e) {
                    break;
                } catch (IOException e) {
                    closed = true;          // reset after the answer: the server closed with unread input
                    break;
                }
                if (n < 0) {
                    closed = true;
                    break;
                }
                got.write(buf, 0, n);
                if (expected != Integer.MAX_VALUE) {
                    Exchange sofar = parse(got.toByteArray(), false, heads);
                    if (sofar.responses().size() >= expected && sofar.garbage().length == 0) {
                        return sofar;
                    }
                }
            }
            return parse(got.toByteArray(), closed, heads);
        }
    }

    static Exchange parse(byte[] data, boolean closed, boolean... heads) {
        List<Response> out = new ArrayList<>();
        int pos = 0;
        while (pos < data.length) {
            int end = indexOf(data, pos, "\r\n\r\n");
            if (end < 0 || !startsWith(data, pos, "HTTP/1.1 ")) {
                break;
            }
            String[] lines = new String(data, pos, end - pos, StandardCharsets.ISO_8859_1).split("\r\n");
            int status = Integer.parseInt(lines[0].substring(9, 12));
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
            int bodyStart = end + 4;
            boolean head = out.size() < heads.length && heads[out.size()];
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            int next;
            if (head || status == 204 || status == 304) {
                next = bodyStart;
            } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                int p = bodyStart;
                while (true) {
                    int lineEnd = indexOf(data, p, "\r\n");
                    if (lineEnd < 0) {
                        p = data.length;
                        break;
                    }
                    int size = Integer.parseInt(new String(data, p, lineEnd - p, StandardCharsets.ISO_8859_1).trim(), 16);
                    p = lineEnd + 2;
                    if (size == 0) {
                        p += 2;
                        break;
                    }
                    body.write(data, p, Math.min(size, data.length - p));
                    p += size + 2;
                }
                next = Math.min(p, data.length);
            } else {
                int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
                body.write(data, bodyStart, Math.min(length, data.length - bodyStart));
                next = Math.min(bodyStart + length, data.length);
            }
            out.add(new Response(status, headers, body.toByteArray()));
            pos = next;
        }
        byte[] rest = new byte[data.length - pos];
        System.arraycopy(data, pos, rest, 0, rest.length);
        return new Exchange(out, closed, rest);
    }

    private static boolean startsWith(byte[] data, int from, String prefix) {
        if (from + prefix.length() > data.length) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (data[from + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] data, int from, String needle) {
        outer:
        for (int i = from; i <= data.length - needle.length(); i++) {
            for (int j = 0; j < needle.length(); j++) {
                if (data[i + j] != needle.charAt(j)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
