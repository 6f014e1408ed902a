package dev.yuqing.connectors.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CursorTest {
    @TempDir
    Path dir;

    @Test
    void startsAtZeroThenRemembersWhatWasSaved() throws Exception {
        Path data = Files.writeString(dir.resolve("a.jsonl"), "{}\n{}\n");
        Path cursorFile = dir.resolve("a.cursor");
        assertThat(new Cursor(cursorFile, data).load()).isZero();
        new Cursor(cursorFile, data).save(2);
        assertThat(new Cursor(cursorFile, data).load()).isEqualTo(2);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("a.jsonl", "a.cursor");
        }
    }

    @Test
    void keepsTheCursorOfAFileThatOnlyGrew() throws Exception {
        Path data = Files.writeString(dir.resolve("a.jsonl"), "{\"id\":1}\n");
        Path cursorFile = dir.resolve("a.cursor");
        new Cursor(cursorFile, data).save(1);
        Files.writeString(data, "{\"id\":1}\n{\"id\":2}\n");
        assertThat(new Cursor(cursorFile, data).load()).isEqualTo(1);
    }

    @Test
    void refusesACursorOfAnotherFile() throws Exception {
        Path data = Files.writeString(dir.resolve("a.jsonl"), "{\"id\":1}\n");
        Path cursorFile = dir.resolve("a.cursor");
        new Cursor(cursorFile, data).save(1);
        Files.writeString(data, "{\"id\":2}\n");
        assertThatThrownBy(() -> new Cursor(cursorFile, data).load()).hasMessageContaining("belongs to another file");
    }
}
