package dev.yuqing.core.trend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimHashTest {
    private static final String TEXT = "今天上午南湖区自来水厂发生管道爆裂，附近三个小区停水，市民反映至今没有接到任何通知，"
            + "物业表示正在联系供水公司抢修，预计晚上八点恢复供水，请居民提前储水并关注官方通报";

    @Test
    void aRepostWithASmallEditIsANearDuplicate() {
        long a = SimHash.of(List.of(), TEXT);
        long b = SimHash.of(List.of(), TEXT + "！");
        assertThat(SimHash.distance(a, b)).isLessThanOrEqualTo(SimHash.NEAR_DUPLICATE_DISTANCE);
        assertThat(SimHash.nearDuplicate(a, b)).isTrue();
    }

    @Test
    void unrelatedTextsAreFarApart() {
        long a = SimHash.of(List.of(), TEXT);
        long b = SimHash.of(List.of(), "市文化馆本周末举办少儿书法展览，展出作品两百余幅，免费向市民开放，欢迎家长带孩子参观学习");
        assertThat(SimHash.distance(a, b)).isGreaterThan(10);
    }

    @Test
    void termsAreUsedWhenPresent() {
        List<String> terms = new ArrayList<>(List.of("自来水厂", "管道", "爆裂", "小区", "停水", "市民", "通知", "物业", "供水公司",
                "抢修", "恢复", "供水", "居民", "储水", "官方", "通报", "南湖区", "上午", "附近", "晚上"));
        long a = SimHash.of(terms, "whatever");
        assertThat(a).isEqualTo(SimHash.of(terms));
        terms.add("今天");
        assertThat(SimHash.distance(a, SimHash.of(terms))).isLessThanOrEqualTo(SimHash.NEAR_DUPLICATE_DISTANCE);
    }

    @Test
    void bigramsSkipWhiteSpace() {
        assertThat(SimHash.bigrams("停 水了")).containsExactly("停水", "水了");
        assertThat(SimHash.bigrams("水")).containsExactly("水");
        assertThat(SimHash.distance(0L, -1L)).isEqualTo(64);
    }

    @Test
    void nearDuplicatesAlwaysShareABandKeyAndFarOnesMostlyDoNot() {
        java.util.Random random = new java.util.Random(7);
        int sharedByFar = 0;
        for (int i = 0; i < 10_000; i++) {
            long a = random.nextLong();
            long b = a;
            for (int flips = random.nextInt(SimHash.NEAR_DUPLICATE_DISTANCE + 1); flips > 0; flips--) {
                b ^= 1L << random.nextInt(64); // up to 3 bits apart (a repeated bit flips back: fewer)
            }
            assertThat(shareAKey(a, b)).as("%x and %x", a, b).isTrue();
            if (shareAKey(a, random.nextLong())) {
                sharedByFar++;
            }
        }
        assertThat(sharedByFar).as("unrelated fingerprints meeting in a band (about 4 in 65,536)").isLessThan(10);
    }

    private static boolean shareAKey(long a, long b) {
        java.util.Set<Long> keys = new java.util.HashSet<>();
        for (long k : SimHash.bandKeys(a)) {
            keys.add(k);
        }
        for (long k : SimHash.bandKeys(b)) {
            if (keys.contains(k)) {
                return true;
            }
        }
        return false;
    }
}
