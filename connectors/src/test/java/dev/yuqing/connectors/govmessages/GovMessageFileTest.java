package dev.yuqing.connectors.govmessages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GovMessageFileTest {
    @TempDir
    Path dir;

    @Test
    void rowsBecomeAMessageAndItsReplyInOneThread() throws Exception {
        Path f = Files.writeString(dir.resolve("m.csv"), """
                留言编号,留言用户,留言主题,留言时间,留言详情,答复意见,答复时间
                2549,A00045581,A2区景蓉华苑物业管理有问题,2019/4/25 9:32:09,"小区物业要退出，
                停车费乱收",您好，已转交街道办理。,2019/5/10 14:56:53
                2550,A0001,路灯不亮,2019/4/26,晚上很黑,,
                2551,A0002,噪音扰民,昨天,工地夜间施工,已处理,2019/5/1 8:00:00
                2552,A0003,占道经营,43580.5,菜市场门口,已处理,不详
                """);
        GovMessageFile.Result r = GovMessageFile.read(f, "site:board", "A市");

        assertThat(r.threads()).hasSize(3);
        GovMessageFile.Thread t = r.threads().get(0);
        assertThat(t.id()).isEqualTo("msg-2549");
        assertThat(t.message().text()).contains("停车费乱收");
        assertThat(t.message().publishedAt()).isEqualTo(Instant.parse("2019-04-25T01:32:09Z"));
        assertThat(t.reply().replyTo()).isEqualTo("msg-2549");
        assertThat(t.reply().threadId()).isEqualTo("msg-2549");
        assertThat(t.reply().publishedAt()).isEqualTo(Instant.parse("2019-05-10T06:56:53Z"));
        assertThat(r.threads().get(1).message().publishedAt()).isEqualTo(Instant.parse("2019-04-25T16:00:00Z"));
        assertThat(r.threads().get(1).reply()).isNull();
        // 43580.5 days after 1899-12-30 is 2019-04-25 12:00 China time.
        assertThat(r.threads().get(2).message().publishedAt()).isEqualTo(Instant.parse("2019-04-25T04:00:00Z"));
        assertThat(r.threads().get(2).reply()).isNull();
        assertThat(r.problems()).extracting(GovMessageFile.Problem::reason)
                .anySatisfy(s -> assertThat(s).contains("2551").contains("昨天"))
                .anySatisfy(s -> assertThat(s).contains("2552").contains("不详").contains("kept"));
    }
}
