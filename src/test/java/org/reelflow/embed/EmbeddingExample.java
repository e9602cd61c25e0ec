package org.reelflow.embed;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import jakarta.json.Json;

import org.reelflow.app.Engine;
import org.reelflow.app.ReelflowConfig;
import org.reelflow.app.StandardStages;
import org.reelflow.events.JobEvent;
import org.reelflow.jobs.Job;
import org.reelflow.jobs.JobRequest;

/**
 * A JDK 21 application that embeds Reelflow: no web server, a topic in, a vertical MP4 out. With no API keys every
 * provider is the offline one, so this runs without network. The README shows it; {@code EmbeddingExampleTest}
 * runs it.
 */
public final class EmbeddingExample {

    private EmbeddingExample() {
    }

    /** {@code EmbeddingExample ["topic" [jobs-folder]]} */
    public static void main(String[] args) throws Exception {
        String topic = args.length > 0 ? args[0] : "Why the sky is blue";
        Path jobs = Path.of(args.length > 1 ? args[1] : "shorts");
        Path video = makeShort(topic, jobs, event -> System.out.println(event.name() + " " + event.data()));
        System.out.println("Video: " + video);
    }

    /** Makes one short in {@code jobsDir}, handing every event of the job to {@code onEvent} as it happens. */
    public static Path makeShort(String topic, Path jobsDir, Consumer<JobEvent> onEvent) throws Exception {
        ReelflowConfig config = ReelflowConfig.load(Map.of("jobs.dir", jobsDir.toString()));
        try (Engine engine = Engine.start(config, StandardStages::create, key -> null)) {   // no keys: offline
            Job job = engine.submit(JobRequest.fromJson(Json.createObjectBuilder().add("topic", topic).build()));
            BlockingQueue<JobEvent> events = new LinkedBlockingQueue<>();
            engine.subscribe(job.id(), events);
            JobEvent event;
            do {
                event = events.poll(5, TimeUnit.MINUTES);
                if (event == null) {
                    throw new TimeoutException("job " + job.id() + " sent nothing for 5 minutes");
                }
                onEvent.accept(event);
            } while (!event.terminal());
            String last = event.toString();
            return engine.video(job).orElseThrow(() -> new IllegalStateException("no video: " + last));
        }
    }
}
