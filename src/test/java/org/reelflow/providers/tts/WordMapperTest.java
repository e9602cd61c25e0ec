package org.reelflow.providers.tts;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.reelflow.media.TimedWord;
import org.reelflow.media.voice.FestivalVoiceTest;

class WordMapperTest {

    private final WordMapper mapper = new WordMapper();

    /** Vendor words one per 0.5 s: word i spans [i/2, i/2 + 0.4]. */
    private static List<TimedWord> vendor(String... words) {
        List<TimedWord> out = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            out.add(new TimedWord(words[i], i * 0.5, i * 0.5 + 0.4));
        }
        return out;
    }

    private static List<String> spelled(List<TimedWord> words) {
        return words.stream().map(TimedWord::word).toList();
    }

    @Test
    void theSameWordsKeepTheirTimes() {
        String script = "Robots crossed the desert alone.";
        WordMapper.Result r = mapper.map(script, vendor("Robots", "crossed", "the", "desert", "alone."));
        assertThat(r.acceptable(), is(true));
        assertThat(r.matched(), is(5));
        assertThat(r.words(), is(vendor("Robots", "crossed", "the", "desert", "alone.")));
    }

    @Test
    void vendorsThatSplitExpandAndDropPunctuationMapOntoScriptWords() {
        String script = "In 2024, the AI-powered robot cost $3.50 — and won!";
        // What a vendor that normalises text reports: numbers spelled out, the hyphen split, the dash gone.
        List<TimedWord> v = vendor("In", "twenty", "twenty", "four", "the", "AI", "powered", "robot", "cost", "three",
                                   "dollars", "and", "fifty", "cents", "and", "won");
        WordMapper.Result r = mapper.map(script, v);
        assertThat(r.describe(), r.acceptable(), is(true));
        assertThat(spelled(r.words()), is(Arrays.asList(script.split(" "))));
        TimedWord year = r.words().get(1);
        assertThat(year.start(), is(0.5));
        assertThat(year.end(), is(1.5 + 0.4));
        TimedWord money = r.words().get(6);
        assertThat(money.start(), is(4.5));
        assertThat(money.end(), is(6.5 + 0.4));
        TimedWord dash = r.words().get(7);
        assertThat("the dash sits where the money ended", dash.start(), is(money.end()));
        assertThat(dash.end(), is(dash.start()));
        assertThat(r.words().get(8).start(), is(7.0));
    }

    @Test
    void aWordTheVendorSkippedSharesTheGapBetweenItsNeighbours() {
        String script = "one two three four five six seven eight";
        WordMapper.Result r = mapper.map(script, vendor("one", "two", "three", "five", "six", "seven", "eight"));
        assertThat(r.acceptable(), is(true));
        TimedWord four = r.words().get(3);
        assertThat(four.word(), is("four"));
        assertThat(four.start(), is(r.words().get(2).end()));
        assertThat(four.end(), is(r.words().get(4).start()));
        assertThat(r.describe(), r.matched(), is(7));
    }

    @Test
    void extraVendorWordsAndAccentsAreTolerated() {
        String script = "Café owners in Zürich said: naïve";
        WordMapper.Result r = mapper.map(script, vendor("Cafe", "uh", "owners", "in", "Zurich", "said", "naive"));
        assertThat(r.acceptable(), is(true));
        assertThat(spelled(r.words()), is(Arrays.asList(script.split(" "))));
        assertThat(r.words().get(1).start(), is(1.0));   // "owners", not the filler before it
    }

    @Test
    void timingsOfAnotherTextAreRefused() {
        WordMapper.Result r = mapper.map("The rover survived its first winter on Mars",
                                         vendor("Completely", "different", "sentence", "about", "cooking", "pasta"));
        assertThat(r.acceptable(), is(false));
        assertThat(r.matched(), lessThan(3));
    }

    @Test
    void mapsALongScriptQuickly() {
        String script = FestivalVoiceTest.LONG_SCRIPT;
        String[] words = script.split("\\s+");
        long t0 = System.nanoTime();
        WordMapper.Result r = mapper.map(script, vendor(words));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(r.acceptable(), is(true));
        assertThat(r.matched(), is((int) Arrays.stream(words).filter(w -> !WordMapper.key(w).isEmpty()).count()));
        assertThat(ms, lessThan(2_000L));
        double last = 0;
        for (TimedWord w : r.words()) {
            assertThat(w.start(), greaterThanOrEqualTo(last));
            last = w.end();
        }
        assertThat(last, closeTo((words.length - 1) * 0.5 + 0.4, 1e-9));
        assertThat(r.words().size(), lessThanOrEqualTo(words.length));
    }
}
