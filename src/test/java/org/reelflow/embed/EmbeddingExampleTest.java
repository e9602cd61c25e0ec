package org.reelflow.embed;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.reelflow.events.Event;
import org.reelflow.events.JobEvent;
import org.reelflow.media.inspect.VideoProbe;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

/** The embedding example, run as an application would run it: a whole zero-key job on the engine, no HTTP. */
class EmbeddingExampleTest {

    @TempDir
    Path dir;

    @Test
    void anEmbeddedEngineTurnsATopicIntoAnMp4AndStreamsEveryEvent() throws Exception {
        List<JobEvent> events = new ArrayList<>();
        Path video = EmbeddingExample.makeShort("Why the sky is blue", dir, events::add);

        for (int i = 0; i < events.size(); i++) {
            assertThat("every event from the first, in order, no gap, no duplicate", events.get(i).id(), is(i + 1L));
        }
        assertThat(events.getLast().event(), is(new Event.JobCompleted()));
        assertThat("the video is in the job's folder", video.startsWith(dir), is(true));
        assertThat(Files.size(video), greaterThan(0L));
        VideoProbe.Info info = VideoProbe.probe(video);
        assertThat(info.videoCodec(), is("h264"));
        assertThat(info.width(), is(1080));
        assertThat(info.height(), is(1920));
    }
}
