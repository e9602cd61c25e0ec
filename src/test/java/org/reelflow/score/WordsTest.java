package org.reelflow.score;

import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;

class WordsTest {

    @Test
    void countsWhitespaceSeparatedRuns() {
        assertThat(Words.count("Black holes bend light."), is(4));
        assertThat(Words.count("  spaced\tout\n words  "), is(3));
        assertThat(Words.count("no\u00a0break and\u3000ideographic"), is(4));
        assertThat(Words.count("東京の歴史"), is(1));
        assertThat(Words.count("   "), is(0));
        assertThat(Words.count(null), is(0));
        assertThat(Words.split(" a  b "), is(new String[] {"a", "b"}));
    }
}
