package org.reelflow.events;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

/**
 * The web UI folds the stream in its own JavaScript ({@code jobstate.js}). Every kind the server can emit must be a
 * decision there — a {@code case} of its stage fold, or a job event it names — so a new kind cannot reach pages
 * that silently drop it. The kinds come from the sealed hierarchy, not from a list kept by hand.
 */
class WebUiHandlesEveryEventTest {

    private static final String JOBSTATE = "/web/assets/js/jobstate.js";

    @Test
    void jobstateHandlesEveryTypeTheServerCanEmit() throws IOException {
        assertThat("jobstate.js must handle these (a case, even an empty one, is a decision)", unhandled(read()), is(empty()));
    }

    @Test
    void aTypeTheFoldLacksIsReported() throws IOException {
        String withoutRendering = read().replace("case 'rendering':", "");
        assertThat(unhandled(withoutRendering), contains("stage type 'rendering' (Rendering)"));
        String withoutFailed = read().replace("'job:failed'", "'job:ended'");
        assertThat(unhandled(withoutFailed), contains("event 'job:failed' (JobFailed)"));
    }

    /** The kinds the server can emit that the script does not handle. */
    private static List<String> unhandled(String js) {
        String stageFold = body(js, "function applyStage(");
        List<String> missing = new ArrayList<>();
        for (Class<?> kind : EventCodecTest.kinds(Event.class)) {
            if (kind == Event.Unknown.class) {
                continue;                  // carries what others emit; the server never makes one of its own
            }
            String type = constant(kind, "TYPE");
            String name = constant(kind, "NAME");
            assertThat(kind.getSimpleName() + " names its wire type or event name", type != null || name != null, is(true));
            if (type != null && !stageFold.contains("case '" + type + "':")) {
                missing.add("stage type '" + type + "' (" + kind.getSimpleName() + ")");
            } else if (type == null && !js.contains("'" + name + "'")) {
                missing.add("event '" + name + "' (" + kind.getSimpleName() + ")");
            }
        }
        return missing;
    }

    private static String read() throws IOException {
        try (InputStream in = WebUiHandlesEveryEventTest.class.getResourceAsStream(JOBSTATE)) {
            assertThat(JOBSTATE + " is on the class path", in != null, is(true));
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The text of a top-level function: from its header to the first line that closes it. */
    private static String body(String js, String header) {
        int start = js.indexOf(header);
        assertThat(header + " is in jobstate.js", start >= 0, is(true));
        Matcher end = Pattern.compile("\n}\n").matcher(js);
        assertThat(end.find(start), is(true));
        return js.substring(start, end.end());
    }

    private static String constant(Class<?> kind, String field) {
        try {
            Field f = kind.getField(field);
            return Modifier.isStatic(f.getModifiers()) ? (String) f.get(null) : null;
        } catch (NoSuchFieldException e) {
            return null;
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }
}
