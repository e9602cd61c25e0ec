package org.reelflow.media.visuals;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.api.Test;

class HeadlineTest {

    @Test
    void dropsCameraFramingAndKeepsTheFirstClause() {
        assertThat(Headline.from("A close-up of ancient Roman coins, dramatic lighting", "x", 9), is("Ancient Roman coins"));
        assertThat(Headline.from("Bold text reading: 2,000 years of salt", "x", 9), is("2,000 years of salt"));
    }

    @Test
    void fallsBackToTheScriptLineAndCapsTheLength() {
        assertThat(Headline.from("  ", "salt built roads", 9), is("Salt built roads"));
        assertThat(Headline.from("one two three four five six", "x", 3), is("One two three"));
    }

    @Test
    void keywordsAreTheLongestNonStopwords() {
        assertThat(Headline.keywords("A caravan of camels crossing the Sahara at dusk", 2), contains("caravan", "camels"));
    }
}
