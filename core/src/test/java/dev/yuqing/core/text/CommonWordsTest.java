package dev.yuqing.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommonWordsTest {
    @Test
    void theShippedListLoadsFromTheClasspath() {
        CommonWords common = CommonWords.standard();
        assertThat(common.size()).isBetween(300, 2000);
        assertThat(List.of("真的", "今天", "觉得", "现在", "知道", "喜欢", "感觉", "视频", "开心")).allMatch(common::contains);
    }

    @Test
    void namesAndHappeningsAreNotOnTheShippedList() {
        CommonWords common = CommonWords.standard();
        assertThat(List.of("停水", "停电", "火灾", "投诉", "拆迁", "地铁", "医院", "学校", "自来水", "供水", "交通", "垃圾",
                "北京", "中国", "海淀区", "水务局", "公司")).noneMatch(common::contains);
    }

    @Test
    void readsWordsWithCountsCommentsAndAnyCase() {
        CommonWords common = CommonWords.parse(List.of("\uFEFF# a comment", "真的\t23.99", "", "OK", "今天"));
        assertThat(common.size()).isEqualTo(3);
        assertThat(common.contains("真的")).isTrue();
        assertThat(common.contains("ok")).isTrue();
        assertThat(common.contains("Ok")).isTrue();
        assertThat(common.contains("停水")).isFalse();
    }

    @Test
    void hanlpStopWordsCountAsCommon() {
        assertThat(new CommonWords(List.of("-")).contains("我们")).isTrue();
    }

    @Test
    void refusesAnEmptyList() {
        assertThatThrownBy(() -> CommonWords.parse(List.of("# only a comment"))).isInstanceOf(IllegalArgumentException.class);
    }
}
