package dev.yuqing.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yuqing.core.json.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnalyzeCommandTest {
    @Test
    void writesOneLinePerPostInOrderAndReportsBadLines() throws Exception {
        String input = String.join("\n",
                "{\"id\":\"a\",\"text\":\"南湖区供水管网改造完成\"}",
                "{\"id\":\"b\",\"text\":未加引号}",
                "",
                "{\"id\":\"c\",\"title\":\"招聘\",\"text\":\"日结刷单，刷单返利\"}",
                "{\"text\":\"没有编号\"}",
                "{\"id\":\"d\",\"text\":\"市交通运输局新开通公交线路\"}") + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        long skipped = new AnalyzeCommand(PostAnalyzer.standard())
                .run(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out, new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(skipped).isEqualTo(2);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(3);
        List<JsonNode> results = lines.stream().map(l -> {
            try {
                return Json.MAPPER.readTree(l);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList();
        assertThat(results).extracting(r -> r.get("id").asText()).containsExactly("a", "c", "d");
        assertThat(results.get(0).at("/analysis/features/keywords").toString()).contains("供水");
        assertThat(results.get(1).at("/analysis/harmful/verdicts/0/category").asText()).isEqualTo("fraud");
        assertThat(results.get(2).at("/analysis/harmful/verdicts").size()).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8).lines().toList())
                .containsExactly("line 2: not JSON: Unrecognized token '未加引号': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false'); skipped",
                        "line 5: id: required; skipped");
    }
}
