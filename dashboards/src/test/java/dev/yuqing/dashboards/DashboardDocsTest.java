package dev.yuqing.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DashboardDocsTest {
    /** Tests run in the module directory; the docs live at the repository root. */
    private static final Path DOCS = Path.of("..").resolve(DashboardDocs.FILE);

    @Test
    void theWireframesInTheDocsAreTheDashboardsLayout() throws IOException {
        String md = Files.readString(DOCS, StandardCharsets.UTF_8);
        assertThat(DashboardDocs.render(md))
                .as("docs/dashboards.md is stale: run mvn -B -q -pl dashboards exec:java -Dexec.mainClass=dev.yuqing.dashboards.DashboardDocs")
                .isEqualTo(md);
        for (KibanaDashboards.Board b : KibanaDashboards.boards()) {
            assertThat(md).as("a section for " + b.title).contains("## " + b.title, "<!-- wireframe:" + b.id + " -->");
        }
    }

    @Test
    void everyPanelIsDrawnWithItsNumberAndListedWithItsTitle() {
        KibanaDashboards.Board alerts = KibanaDashboards.boards().get(1);
        String block = DashboardDocs.block(alerts);
        for (int n = 0; n < alerts.panels.size(); n++) {
            assertThat(block).contains((n + 1) + ". **" + alerts.panels.get(n).lens().title + "**");
        }
        List<String> grid = DashboardDocs.grid(alerts.panels);
        assertThat(grid.get(0)).startsWith("+").hasSize(DashboardDocs.GRID_COLUMNS * 3 / 2 + 1);
        assertThat(String.join("\n", grid)).contains(" 1 ", " " + alerts.panels.size() + " ");
    }

    @Test
    void overlappingPanelsAreRefused() {
        KibanaDashboards.Lens lens = KibanaDashboards.boards().get(0).panels.get(0).lens();
        assertThatThrownBy(() -> DashboardDocs.grid(List.of(new KibanaDashboards.Panel(0, 0, 24, 8, lens),
                new KibanaDashboards.Panel(12, 4, 24, 8, lens)))).hasMessageContaining("panels 1 and 2 overlap");
        assertThatThrownBy(() -> DashboardDocs.grid(List.of(new KibanaDashboards.Panel(40, 0, 12, 8, lens))))
                .hasMessageContaining("leaves the 48-column grid");
        assertThatThrownBy(() -> DashboardDocs.grid(List.of(new KibanaDashboards.Panel(0, 0, 24, 8, lens),
                new KibanaDashboards.Panel(24, 8, 24, 8, lens)))).hasMessageContaining("panel 2").hasMessageContaining("Kibana would move it up");
    }
}
