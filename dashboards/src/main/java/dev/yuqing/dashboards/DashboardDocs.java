package dev.yuqing.dashboards;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps the wireframes in {@code docs/dashboards.md} the dashboards' real layout: between
 * {@code <!-- wireframe:DASHBOARD-ID -->} and {@code <!-- /wireframe -->} it writes the panel grid
 * as boxes numbered in panel order, and the list of what each number shows. The prose around the
 * blocks is hand-written and kept. {@code DashboardDocsTest} fails when the file is stale. Run
 * from the repository root:
 *
 * <pre>
 * mvn -B -q -pl dashboards exec:java -Dexec.mainClass=dev.yuqing.dashboards.DashboardDocs
 * </pre>
 */
public final class DashboardDocs {
    static final Path FILE = Path.of("docs/dashboards.md");
    /** Kibana's dashboard grid is 48 columns wide; three characters draw two columns. */
    static final int GRID_COLUMNS = 48;
    private static final Pattern BLOCK = Pattern.compile("(<!-- wireframe:([\\w-]+) -->\\n)(.*?)(<!-- /wireframe -->)", Pattern.DOTALL);
    private static final Map<String, String> CHART = Map.of("lnsMetric", "指标", "lnsXY", "柱线图", "lnsPie", "饼图", "lnsDatatable", "表格");

    private DashboardDocs() {}

    public static void main(String[] args) throws IOException {
        Path file = args.length > 0 ? Path.of(args[0]) : FILE;
        Files.writeString(file, render(Files.readString(file, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        System.out.println("wrote " + file.toAbsolutePath());
    }

    /** {@code markdown} with every wireframe block rendered anew; a block naming no dashboard is an error. */
    public static String render(String markdown) {
        Matcher m = BLOCK.matcher(markdown);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            KibanaDashboards.Board board = KibanaDashboards.boards().stream().filter(b -> b.id.equals(m.group(2))).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no dashboard " + m.group(2) + " for the wireframe block in the docs"));
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + block(board) + m.group(4)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The grid drawing and the legend of one dashboard. */
    static String block(KibanaDashboards.Board board) {
        StringBuilder s = new StringBuilder("```text\n");
        for (String line : grid(board.panels)) {
            s.append(line.stripTrailing()).append('\n');
        }
        s.append("```\n\n");
        for (int n = 0; n < board.panels.size(); n++) {
            KibanaDashboards.Lens lens = board.panels.get(n).lens();
            s.append(n + 1).append(". **").append(lens.title).append("**: ").append(CHART.getOrDefault(lens.type, lens.type))
                    .append("，数据视图 `").append(lens.view).append('`');
            if (!lens.kql.isEmpty()) {
                s.append("，筛选 `").append(lens.kql).append('`');
            }
            s.append('\n');
        }
        return s.toString();
    }

    /**
     * Boxes of '+', '-' and '|', each with its panel number. Fails on panels that overlap, leave the
     * grid, or have nothing right above them: Kibana moves such a panel up on load, so the dashboard
     * would not look as described.
     */
    static List<String> grid(List<KibanaDashboards.Panel> panels) {
        int rows = panels.stream().mapToInt(p -> p.y() + p.h()).max().orElse(0);
        int[][] owner = new int[rows][GRID_COLUMNS];
        for (int n = 0; n < panels.size(); n++) {
            KibanaDashboards.Panel p = panels.get(n);
            if (p.x() < 0 || p.w() < 1 || p.x() + p.w() > GRID_COLUMNS || p.y() < 0 || p.h() < 2) {
                throw new IllegalArgumentException("panel " + (n + 1) + " (" + p.lens().title + ") leaves the 48-column grid: " + p);
            }
            for (int y = p.y(); y < p.y() + p.h(); y++) {
                for (int x = p.x(); x < p.x() + p.w(); x++) {
                    if (owner[y][x] != 0) {
                        throw new IllegalArgumentException("panels " + owner[y][x] + " and " + (n + 1) + " overlap at column " + x + ", row " + y);
                    }
                    owner[y][x] = n + 1;
                }
            }
        }
        for (int n = 0; n < panels.size(); n++) {
            KibanaDashboards.Panel p = panels.get(n);
            boolean resting = p.y() == 0;
            for (int x = p.x(); x < p.x() + p.w() && !resting; x++) {
                resting = owner[p.y() - 1][x] != 0;
            }
            if (!resting) {
                throw new IllegalArgumentException("panel " + (n + 1) + " (" + p.lens().title + ") has nothing above it at row " + p.y()
                        + ": Kibana would move it up");
            }
        }
        char[][] canvas = new char[rows / 2 + 1][GRID_COLUMNS * 3 / 2 + 1];
        for (char[] line : canvas) {
            Arrays.fill(line, ' ');
        }
        for (int n = 0; n < panels.size(); n++) {
            KibanaDashboards.Panel p = panels.get(n);
            int left = p.x() * 3 / 2;
            int right = (p.x() + p.w()) * 3 / 2;
            int top = p.y() / 2;
            int bottom = (p.y() + p.h()) / 2;
            for (int x = left; x <= right; x++) {
                canvas[top][x] = canvas[top][x] == '|' || canvas[top][x] == '+' ? '+' : '-';
                canvas[bottom][x] = canvas[bottom][x] == '|' || canvas[bottom][x] == '+' ? '+' : '-';
            }
            for (int y = top; y <= bottom; y++) {
                canvas[y][left] = y == top || y == bottom || canvas[y][left] == '-' || canvas[y][left] == '+' ? '+' : '|';
                canvas[y][right] = y == top || y == bottom || canvas[y][right] == '-' || canvas[y][right] == '+' ? '+' : '|';
            }
            String label = Integer.toString(n + 1);
            int middle = (top + bottom) / 2;
            int start = (left + right - label.length() + 1) / 2;
            for (int i = 0; i < label.length(); i++) {
                canvas[middle][start + i] = label.charAt(i);
            }
        }
        return Arrays.stream(canvas).map(String::new).toList();
    }
}
