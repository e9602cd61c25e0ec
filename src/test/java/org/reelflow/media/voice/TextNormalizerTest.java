package org.reelflow.media.voice;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    private final TextNormalizer normalizer = new TextNormalizer();

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "42|forty two",
            "1204|twelve oh four",
            "12,045|twelve thousand forty five",
            "1,000,000|one million",
            "in 1999|in nineteen ninety nine",
            "2024|twenty twenty four",
            "2005|two thousand five",
            "1900|nineteen hundred",
            "the 1990s|the nineteen nineties",
            "the '80s|the nineteen eighties",
            "3.14|three point one four",
            "-7|minus seven",
            "1st|first",
            "22nd|twenty second",
            "103rd|one hundred third",
            "12th|twelfth",
            "50%|fifty percent",
            "3.5%|three point five percent",
            "$5|five dollars",
            "$1|one dollar",
            "$3.50|three dollars and fifty cents",
            "$0.99|ninety nine cents",
            "$2.5 million|two point five million dollars",
            "$10k|ten thousand dollars",
            "€20|twenty euros",
            "£1.01|one pound and one penny",
            "rock & roll|rock and roll",
            "C++|C plus plus",
            "A + B|A plus B",
            "Dr. Smith|doctor Smith",
            "the U.S. economy|the U S economy",
            "apples, pears, etc.|apples pears et cetera",
            "e.g. cats|for example cats",
            "AI-powered|A I powered",
            "state-of-the-art|state of the art",
            "pages 2-3|pages two to three",
            "1990–2000|nineteen ninety to two thousand",
            "the CEO|the C E O",
            "three CEOs|three C E O's",
            "NASA|nasa",
            "at 9:30|at nine thirty",
            "at 7:00|at seven o'clock",
            "at 7:05|at seven oh five",
            "GPT-4|G P T four",
            "MP3 player|M P three player",
            "5G|five G",
            "v2.0|v two zero",
            "café|cafe",
            "don’t|don't",
            "#1 hit|number one hit"})
    void speaksWhatAReaderWouldSay(String script, String spoken) {
        assertThat(normalizer.normalize(script).spokenTokens(), is(Arrays.asList(spoken.split(" "))));
    }

    @Test
    void keepsOneEntryPerScriptWordWithItsSpelling() {
        NormalizedScript n = normalizer.normalize("In 2024, the AI-powered robot — cost $3.50!");
        assertThat(n.words().stream().map(SpokenWord::original).toList(),
                   contains("In", "2024,", "the", "AI-powered", "robot", "—", "cost", "$3.50!"));
        assertThat(n.words().get(5).spoken(), is(empty()));
        assertThat(n.words().get(1).pause(), is(","));
        assertThat(n.words().get(7).pause(), is("!"));
    }

    @Test
    void speakableTextKeepsSentenceMarksAndTurnsDashesIntoPauses() {
        assertThat(normalizer.normalize("Wait — what? It's 5 o'clock. \"Go\"").speakableText(),
                   is("Wait, what? It's five o'clock. Go"));
    }

    @Test
    void aBlankScriptHasNoWords() {
        assertThat(normalizer.normalize("  ").words(), is(empty()));
    }

    @Test
    void onlyDigitFreeLettersReachTheEngine() {
        String script = "On 3/4/2025 at 10:45pm, 7 of 10 users (70%) paid $12.99 + tax for v2.0 & 5G—wow!!";
        List<String> tokens = normalizer.normalize(script).spokenTokens();
        for (String token : tokens) {
            assertThat(token + " in " + tokens, token.matches("[A-Za-z']+"), is(true));
        }
        assertThat(normalizer.normalize(script).words().size(), is(script.split("\\s+").length));
    }
}
