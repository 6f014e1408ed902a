package dev.yuqing.local.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.yuqing.core.post.Post;
import dev.yuqing.local.quality.SearchTestSet.Outcome;
import dev.yuqing.local.quality.SearchTestSet.Query;
import dev.yuqing.local.quality.SearchTestSet.Summary;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The search test set is what issue 7 asks for and every judgement names a post that exists; the arithmetic is right. */
class SearchTestSetTest {

    @Test
    void theTestSetIsWellFormed() {
        List<Post> posts = SearchTestSet.posts();
        List<Query> queries = SearchTestSet.queries();
        Set<String> ids = new HashSet<>();
        posts.forEach(p -> assertThat(ids.add(p.id())).as("post id %s is used twice", p.id()).isTrue());
        assertThat(posts).hasSizeBetween(150, 300);
        assertThat(queries).hasSizeGreaterThanOrEqualTo(30);
        assertThat(queries.stream().map(Query::id).distinct().count()).isEqualTo(queries.size());
        for (Query q : queries) {
            assertThat(q.kind()).as(q.id()).isIn("phrase", "words");
            assertThat(q.words()).as("%s: a phrase is one string, words are several", q.id())
                    .hasSizeBetween(q.kind().equals("phrase") ? 1 : 2, q.kind().equals("phrase") ? 1 : 5);
            assertThat(q.expected()).as("%s expects some post", q.id()).isNotEmpty();
            assertThat(ids).as("%s's expected posts exist", q.id()).containsAll(q.expected());
            assertThat(q.expected()).as("%s's posts in other forms are expected", q.id()).containsAll(q.forms().keySet());
            assertThat(q.forms().values()).as(q.id()).allMatch(SearchTestSet.FORMS::contains);
        }
    }

    @Test
    void microPoolsThePairsAndMacroAveragesTheQueries() {
        Query a = new Query("a", "phrase", "甲", List.of("1", "2", "3", "4"), Map.of(), "");
        Query b = new Query("b", "phrase", "乙", List.of("5"), Map.of(), "");
        Outcome oa = new Outcome(a, Set.of("1", "2", "9")); // 2 of 3 right, 2 of 4 found
        Outcome ob = new Outcome(b, Set.of());              // nothing found: precision 1 by convention, recall 0
        assertThat(oa.precision()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(oa.recall()).isEqualTo(0.5);
        assertThat(oa.missed()).containsExactly("3", "4");
        assertThat(oa.wrong()).containsExactly("9");
        assertThat(ob.precision()).isEqualTo(1.0);

        Summary s = Summary.of(List.of(oa, ob));
        assertThat(s.retrieved()).isEqualTo(3);
        assertThat(s.correct()).isEqualTo(2);
        assertThat(s.relevant()).isEqualTo(5);
        assertThat(s.microPrecision()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(s.microRecall()).isCloseTo(2.0 / 5, within(1e-9));
        assertThat(s.microF1()).isCloseTo(0.5, within(1e-9));
        assertThat(s.macroPrecision()).isCloseTo((2.0 / 3 + 1) / 2, within(1e-9));
        assertThat(s.macroRecall()).isCloseTo(0.25, within(1e-9));
        assertThat(s.allFound()).isZero();
        assertThat(s.noneWrong()).isEqualTo(1);
    }
}
