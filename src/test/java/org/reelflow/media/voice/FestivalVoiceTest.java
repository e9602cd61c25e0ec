package org.reelflow.media.voice;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reelflow.media.TimedWord;

public class FestivalVoiceTest {

    /** 160 words with numbers, money, symbols and abbreviations, as a real script would have. */
    public static final String LONG_SCRIPT = """
            In 1969, three astronauts flew 384,400 km to the Moon. The Apollo 11 mission cost about $25.4 billion, \
            roughly 4% of the U.S. budget at its peak. Neil Armstrong stepped out at 10:56 p.m. on July 20th, and \
            600 million people watched live. But the real story is the computer: the guidance system ran at 0.043 \
            MHz with 2,048 words of memory — less than a modern calculator. Engineers like Margaret Hamilton wrote \
            the software by hand, & her team's error-handling saved the landing when alarms 1201 and 1202 fired. \
            Dr. Hamilton later said the code was tested for every failure they could imagine. Today, a $99 phone \
            is 100,000 times faster. Yet no one has walked on the Moon since 1972. NASA's Artemis program plans to \
            change that, with a crewed landing targeted for the late 2020s. Will the 2nd era of lunar exploration \
            be as bold as the 1st? The answer depends on budgets, politics, and engineers who, like Hamilton, \
            refuse to accept "good enough." Follow for more stories like this one!""";

    @BeforeAll
    static void tools() {
        RequiredTools.require("festival");
    }

    @Test
    void givesOneTimedWordPerScriptWordInOrder(@TempDir Path dir) throws Exception {
        String script = "In 2024, the AI-powered robot cost $3.50 — and won 1st place at 9:30!";
        Voiceover voice = new FestivalVoice().synthesize(script, dir);

        List<String> scriptWords = Arrays.asList(script.split(" "));
        assertThat(voice.words().stream().map(TimedWord::word).toList(), is(scriptWords));
        assertThat(voice.audio(), is(dir.resolve("voiceover.wav")));
        assertThat(Files.size(voice.audio()), greaterThan(10_000L));
        assertInOrderWithin(voice.words(), voice.durationSec());
        TimedWord year = voice.words().get(1);
        assertThat("'2024,' is said as three words", year.end() - year.start(), greaterThan(0.6));
    }

    @Test
    void synthesizesALongScript(@TempDir Path dir) throws Exception {
        long started = System.nanoTime();
        Voiceover voice = new FestivalVoice().synthesize(LONG_SCRIPT, dir);
        double seconds = (System.nanoTime() - started) / 1e9;

        assertThat(voice.words().size(), is(LONG_SCRIPT.split("\\s+").length));
        assertThat(voice.words().size(), greaterThanOrEqualTo(150));
        assertThat(voice.durationSec(), greaterThan(45.0));
        assertInOrderWithin(voice.words(), voice.durationSec());
        System.out.printf("festival: %d words, %.1f s of audio in %.2f s (RTF %.3f)%n", voice.words().size(),
                          voice.durationSec(), seconds, seconds / voice.durationSec());
    }

    @Test
    void interruptingSynthesisLeavesNoFestivalRunning(@TempDir Path dir) throws Exception {
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread job = Thread.ofPlatform().start(() -> {
            try {
                new FestivalVoice().synthesize(LONG_SCRIPT + " " + LONG_SCRIPT, dir);
                outcome.set(new AssertionError("synthesis finished before it was interrupted"));
            } catch (Throwable t) {
                outcome.set(t);
            }
        });
        assertThat("festival started", ChildProcesses.awaitRunning("festival", 5_000), is(true));
        job.interrupt();
        job.join(10_000);

        assertThat(job.isAlive(), is(false));
        assertThat(outcome.get(), instanceOf(InterruptedException.class));
        assertThat(ChildProcesses.alive(), is(empty()));
    }

    static void assertInOrderWithin(List<TimedWord> words, double duration) {
        double previousEnd = 0;
        for (TimedWord w : words) {
            assertThat(w + " starts after the previous word ends", w.start(),
                       greaterThanOrEqualTo(previousEnd - 1e-9));
            previousEnd = w.end();
        }
        assertThat(previousEnd, lessThanOrEqualTo(duration));
        assertThat("the voice ends soon after the last word", duration - previousEnd, closeTo(0.3, 0.3));
    }
}
