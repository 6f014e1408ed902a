package dev.yuqing.local;

import dev.yuqing.connectors.connect.PostSourceConnector;
import dev.yuqing.connectors.connect.YuqingSourceConnector;
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
import java.util.Locale;
import java.util.ServiceLoader;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.connect.source.SourceConnector;

/**
 * Writes docs/configuration.md from the declared keys (the components' and the Connect connectors'),
 * so the document cannot drift from the code (a test compares them). Run: {@code mvn -q -pl local exec:java -Dexec.mainClass=dev.yuqing.local.ConfigDocs}.
 */
public final class ConfigDocs {
    public static final List<ConfigDef> ALL = List.of(EnrichOptions.DEF, TrendOptions.DEF, AlertOptions.DEF, InspectionOptions.DEF, Setup.DEF, dev.yuqing.jobs.Submit.DEF, dev.yuqing.dashboards.Loader.DEF, dev.yuqing.dashboards.SearchExport.DEF, LocalOptions.DEF, dev.yuqing.local.cluster.ClusterOptions.DEF);

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
        connectors(sb);
        return sb.toString();
    }

    /** The Kafka Connect connectors the plugin declares, from their Connect {@code ConfigDef}s. */
    private static void connectors(StringBuilder sb) {
        sb.append("\n## Kafka Connect connectors\n\n")
                .append("Keys of the connectors' own configuration: a standalone worker's connector properties file, or the\n")
                .append("`config` object given to a distributed worker's REST API (README, \"Ingesting real sources\"). Each\n")
                .append("connector also takes Connect's own keys: `name`, `connector.class`, `tasks.max` (each connector runs\n")
                .append("one task), and `key.converter` and `value.converter`, which must be `")
                .append(PostSourceConnector.BYTES_CONVERTER).append("`.\n");
        for (SourceConnector c : ServiceLoader.load(SourceConnector.class)) {
            if (!(c instanceof YuqingSourceConnector)) {
                continue;
            }
            sb.append("\n### `").append(c.getClass().getName()).append("`\n\n")
                    .append("| key | type | default | valid values | importance | description |\n|---|---|---|---|---|---|\n");
            for (org.apache.kafka.common.config.ConfigDef.ConfigKey k : c.config().configKeys().values()) {
                // A password's toString is [hidden]; its default is documentation, not a secret.
                Object d = k.defaultValue instanceof Password p ? p.value() : k.defaultValue;
                String shown = !k.hasDefault() ? "*required*" : d == null || d.toString().isEmpty() ? "*empty*" : "`" + d + "`";
                sb.append("| `").append(k.name).append("` | ").append(k.type.name().toLowerCase(Locale.ROOT)).append(" | ").append(shown)
                        .append(" | ").append(k.validator == null ? "" : k.validator.toString().replace("|", "\\|"))
                        .append(" | ").append(k.importance.name().toLowerCase(Locale.ROOT))
                        .append(" | ").append(k.documentation.replace("|", "\\|")).append(" |\n");
            }
        }
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/configuration.md");
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, markdown());
        System.out.println("wrote " + out.toAbsolutePath());
    }
}
