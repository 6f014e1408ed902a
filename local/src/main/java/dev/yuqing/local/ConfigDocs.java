package dev.yuqing.local;

import dev.yuqing.connectors.replay.ReplayOptions;
import dev.yuqing.core.config.ConfigDef;
import dev.yuqing.core.config.ConfigKey;
import dev.yuqing.jobs.Setup;
import dev.yuqing.jobs.enrich.EnrichOptions;
import dev.yuqing.jobs.alerting.AlertOptions;
import dev.yuqing.jobs.trend.TrendOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.yuqing.jobs.inspection.InspectionOptions;
import java.util.List;

/**
 * Writes docs/configuration.md from the declared keys, so the document cannot drift from the code
 * (a test compares them). Run: {@code mvn -q -pl local exec:java -Dexec.mainClass=dev.yuqing.local.ConfigDocs}.
 */
public final class ConfigDocs {
    public static final List<ConfigDef> ALL = List.of(EnrichOptions.DEF, TrendOptions.DEF, AlertOptions.DEF, InspectionOptions.DEF, ReplayOptions.DEF, Setup.DEF, dev.yuqing.dashboards.Loader.DEF, dev.yuqing.dashboards.SearchExport.DEF, LocalOptions.DEF);

    private ConfigDocs() {}

    public static String markdown() {
        StringBuilder sb = new StringBuilder("# Configuration\n\n")
                .append("Generated from the key declarations by `dev.yuqing.local.ConfigDocs`; do not edit by hand.\n\n")
                .append("Each key is read from `--key=value`, then the Java system property `yuqing.<key>`, then the\n")
                .append("environment variable shown, then the default.\n");
        for (ConfigDef def : ALL) {
            sb.append("\n## ").append(def.component()).append("\n\n")
                    .append("| key | environment | type | default | description |\n|---|---|---|---|---|\n");
            for (ConfigKey<?> k : def.keys()) {
                sb.append("| `").append(k.name()).append("` | `").append(k.envName()).append("` | ").append(k.type())
                        .append(" | ").append(k.defaultValue() == null ? "*required*" : k.defaultValue().isEmpty() ? "*empty*" : "`" + k.defaultValue() + "`")
                        .append(" | ").append(k.description().replace("|", "\\|")).append(" |\n");
            }
        }
        return sb.toString();
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/configuration.md");
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, markdown());
        System.out.println("wrote " + out.toAbsolutePath());
    }
}
