package dev.yuqing.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.yuqing.core.inspection.InvalidRegistryException;
import dev.yuqing.core.inspection.Registry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local stack registers a user's own sites and columns (local.registry.file) besides the demo's. */
class LocalRegistryTest {
    @TempDir
    Path dir;

    @Test
    void ownTargetsAreAddedToTheDemosAndReplaceOneOfTheSameId() throws Exception {
        Path own = Files.writeString(dir.resolve("registry.json"), """
                {"targets": [
                  {"id": "site:127.0.0.1", "name": "测试站", "kind": "site", "ownerUnit": "测试办", "url": "http://127.0.0.1:8000/"},
                  {"id": "site:127.0.0.1/hdjl", "name": "留言板", "kind": "column", "siteId": "site:127.0.0.1",
                   "columnType": "interaction", "ownerUnit": "测试办", "url": "http://127.0.0.1:8000/hdjl/list.html"},
                  {"id": "weibo:示范市发布", "name": "示范市发布（改名）", "kind": "account", "platform": "weibo", "ownerUnit": "示范市新闻办"}
                ]}""");
        Registry r = LocalStack.registry(LocalOptions.DEF.resolve(Map.of(LocalOptions.REGISTRY_FILE.name(), own.toString()), Map.of()));

        assertThat(r.size()).isEqualTo(Registry.demo().size() + 2);
        assertThat(r.columnsOf("site:127.0.0.1")).extracting(t -> t.id()).containsExactly("site:127.0.0.1/hdjl");
        assertThat(r.get("weibo:示范市发布").orElseThrow().name()).isEqualTo("示范市发布（改名）");
        assertThat(LocalStack.registry(LocalOptions.DEF.resolve(Map.of(), Map.of()))).isEqualTo(Registry.demo());
    }

    @Test
    void aColumnOfAnUnknownSiteIsRefusedWithTheRegistrysMessage() throws Exception {
        Path own = Files.writeString(dir.resolve("registry.json"), """
                {"targets": [{"id": "site:127.0.0.1/hdjl", "name": "留言板", "kind": "column", "siteId": "site:127.0.0.1",
                  "columnType": "interaction", "ownerUnit": "测试办"}]}""");
        assertThatThrownBy(() -> LocalStack.registry(LocalOptions.DEF.resolve(Map.of(LocalOptions.REGISTRY_FILE.name(), own.toString()), Map.of())))
                .isInstanceOf(InvalidRegistryException.class).hasMessageContaining("site:127.0.0.1");
    }
}
