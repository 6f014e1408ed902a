package dev.yuqing.connectors.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.yuqing.core.json.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldMappingTest {
    @Test
    void mapsFieldsConstantsAndNestedCounts() throws Exception {
        FieldMapping m = FieldMapping.parse("id=mid, text=text, publishedAt=created_at_cst_decoded, source='weibo', account='weibo:2018', engagement.likes=attitudes");
        ObjectNode out = m.apply((ObjectNode) Json.MAPPER.readTree(
                "{\"mid\":\"4215\",\"label\":1,\"text\":\"好消息\",\"created_at_cst_decoded\":\"2018-04-01 10:00:00\",\"attitudes\":7}"));
        assertThat(out.toString()).isEqualTo("{\"id\":\"4215\",\"text\":\"好消息\",\"publishedAt\":\"2018-04-01 10:00:00\","
                + "\"source\":\"weibo\",\"account\":\"weibo:2018\",\"engagement\":{\"likes\":7}}");
        assertThat(m.sourceFields()).containsExactly("mid", "text", "created_at_cst_decoded", "attitudes");
    }

    @Test
    void mapsCsvRowsAndLeavesOutMissingFields() {
        FieldMapping m = FieldMapping.parse("id=留言编号,text=留言详情,author=留言用户");
        ObjectNode out = m.apply(Map.of("留言编号", "m1", "留言详情", "路灯坏了"));
        assertThat(out.toString()).isEqualTo("{\"id\":\"m1\",\"text\":\"路灯坏了\"}");
    }

    @Test
    void aSourceFieldStartingWithASlashIsAJsonPointerIntoNestedJson() throws Exception {
        FieldMapping m = FieldMapping.parse("id=/mid,author=/user/name,engagement.likes=/counts/0,title=/missing/deep");
        ObjectNode out = m.apply((ObjectNode) Json.MAPPER.readTree("{\"mid\":7,\"user\":{\"name\":\"市民\"},\"counts\":[3,4]}"));
        assertThat(out.toString()).isEqualTo("{\"id\":7,\"author\":\"市民\",\"engagement\":{\"likes\":3}}");
        assertThat(m.maps("author")).isTrue();
        assertThat(m.maps("text")).isFalse();
        assertThat(FieldMapping.problem("id=/mid")).isNull();
        assertThat(FieldMapping.problem("body=/content")).contains("unknown post field 'body'");
    }

    @Test
    void identityPassesThrough() throws Exception {
        ObjectNode in = (ObjectNode) Json.MAPPER.readTree("{\"id\":\"x\",\"whatever\":1}");
        assertThat(FieldMapping.parse(" ").isIdentity()).isTrue();
        assertThat(FieldMapping.identity().apply(in)).isEqualTo(in);
    }

    @Test
    void rejectsUnknownTargetsAndBrokenEntries() {
        assertThatThrownBy(() -> FieldMapping.parse("content=text")).hasMessageContaining("unknown post field 'content'");
        assertThatThrownBy(() -> FieldMapping.parse("id")).hasMessageContaining("is not postField=sourceField");
        assertThatThrownBy(() -> FieldMapping.parse("id=")).hasMessageContaining("is not postField=sourceField");
    }
}
