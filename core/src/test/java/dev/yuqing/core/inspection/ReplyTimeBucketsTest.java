package dev.yuqing.core.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplyTimeBucketsTest {
    @Test
    void aDayABucketUpToFiveThenWiderOnes() {
        assertThat(ReplyTimeBuckets.of(-1)).as("a reply dated before its message").isEqualTo("0");
        assertThat(ReplyTimeBuckets.of(5)).isEqualTo("5");
        assertThat(ReplyTimeBuckets.of(6)).isEqualTo("6-10");
        assertThat(ReplyTimeBuckets.of(10)).isEqualTo("6-10");
        assertThat(ReplyTimeBuckets.of(11)).isEqualTo("11-20");
        assertThat(ReplyTimeBuckets.of(60)).isEqualTo("21-60");
        assertThat(ReplyTimeBuckets.of(61)).isEqualTo("over-60");
        assertThat(ReplyTimeBuckets.empty()).containsOnlyKeys(ReplyTimeBuckets.LABELS).allSatisfy((k, v) -> assertThat(v).isZero());
        for (int d = 0; d < 100; d++) {
            assertThat(ReplyTimeBuckets.LABELS).contains(ReplyTimeBuckets.of(d));
        }
    }
}
