package org.reelflow.writer;

import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.reelflow.catalog.Archetypes;
import org.reelflow.score.Words;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;

class PhrasingTest {

    @Test
    void everyFillerHasTheWordCountItIsFiledUnder() {
        for (Map<Integer, List<String>> pool : List.of(Phrasebook.HOOK_FILLERS, Phrasebook.BODY_FILLERS,
                                                       Phrasebook.CTA_FILLERS)) {
            assertThat(pool.keySet(), containsInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8));
            pool.forEach((n, fillers) -> fillers.forEach(f -> assertThat(f, Words.count(f), is(n))));
        }
    }

    @Test
    void everyCallToActionCoreIsRecognisedAsOne() {
        Phrasebook.CTA_CORES.forEach(c -> assertThat(c, StructuralCritic.isCallToAction(c), is(true)));
    }

    @Test
    void composeHitsEveryBudgetExactlyForShortAndLongSubjects() {
        for (String subject : List.of("ink", "the humble pencil", "the surprising history of the humble pencil")) {
            for (int words = 8; words <= 22; words++) {
                Composer composer = new Composer(new Random(words));
                for (Phrasebook.Angle angle : Phrasebook.ANGLES) {
                    List<String> cores = new java.util.ArrayList<>();
                    angle.cores().forEach(t -> cores.add(LineBuilder.fill(t, subject)));
                    Phrasebook.BODY_FALLBACKS.forEach(t -> cores.add(LineBuilder.fill(t, subject)));
                    String line = composer.compose(cores, Phrasebook.BODY_FILLERS, words);
                    assertThat(line, Words.count(line), is(words));
                }
            }
        }
    }

    @Test
    void subjectsAreShortNounPhrases() {
        assertThat(LineBuilder.subject("The surprising history of the humble pencil"),
                   is("the surprising history of the humble pencil"));
        assertThat(LineBuilder.shortSubject("The surprising history of the humble pencil"), is("the humble pencil"));
        assertThat(LineBuilder.shortSubject("Black holes explained"), is("Black holes"));
        assertThat(LineBuilder.subject("Why do cats purr?"), is("this question"));
        assertThat(LineBuilder.imageSubject("Why do cats purr?"), is("cats purr"));
        assertThat(LineBuilder.subject("Octopus \u2014 the alien next door"), is("Octopus the alien next door"));
        assertThat(LineBuilder.subject("   "), is("this topic"));
        assertThat(Words.count(LineBuilder.subject("word ".repeat(100))), is(8));
    }

    @Test
    void stockQueriesHaveThreeToFiveWords() {
        for (String subject : List.of("pencils", "humble pencil", "the humble pencil of old england", "of the")) {
            int words = Words.count(OfflineDirector.stockQuery(subject));
            assertThat(subject, words, allOf(greaterThanOrEqualTo(3), lessThanOrEqualTo(5)));
        }
    }

    @Test
    void directionSentencesBecomeFocusBeatsAndToneInstructionsAreSkipped() {
        List<Beats.Beat> beats = Beats.forPlan("cats", "cats", "Focus on the science of vibration. Make it funny. "
                                                               + "Cats purr at 25 to 150 Hertz.", 3);
        assertThat(beats.get(0).cores().get(0), is("Now turn to the science of vibration, because it deserves attention."));
        assertThat(beats.get(1).cores(), hasItem("Cats purr at 25 to 150 Hertz."));
        assertThat(beats.get(2).headline(), is("The Basics"));
        assertThat(Beats.sentences("One. Two!\nThree? " + "More. ".repeat(10)), hasSize(8));
    }

    @Test
    void aTopicThatOpensWithAQuestionWordIsAQuestionEvenWithoutAMark() throws Exception {
        assertThat(LineBuilder.isQuestion("Why the sky is blue"), is(true));
        assertThat(LineBuilder.isQuestion("How octopuses think"), is(true));
        assertThat(LineBuilder.isQuestion("Black holes"), is(false));
        assertThat(LineBuilder.isQuestion("Whales"), is(false));
        var research = new OfflineWriter(Archetypes.load()).research("Why the sky is blue");
        for (String fact : research.keyFacts()) {
            assertThat(fact, not(containsString("What why")));
        }
    }
}
