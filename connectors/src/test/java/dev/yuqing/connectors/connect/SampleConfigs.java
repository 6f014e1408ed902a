package dev.yuqing.connectors.connect;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.yuqing.core.json.Json;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The sample configurations of connectors/config as a worker reads them: the JSON bodies of the
 * REST API and the properties files of a standalone worker (ISO-8859-1, Chinese as \\uXXXX).
 * Shared by ConfigSamplesTest and local's SourceSamplesIT.
 */
public final class SampleConfigs {
    private SampleConfigs() {}

    /** Every sample in {@code dir}, sorted by name. */
    public static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".properties") || f.toString().endsWith(".json")).sorted().toList();
        }
    }

    /** The sample's keys and values, in file order for JSON. */
    public static Map<String, String> read(Path sample) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        if (sample.toString().endsWith(".json")) {
            m.putAll(Json.MAPPER.readValue(sample.toFile(), new TypeReference<Map<String, String>>() {}));
        } else {
            Properties p = new Properties();
            try (Reader in = Files.newBufferedReader(sample, StandardCharsets.ISO_8859_1)) {
                p.load(in);
            }
            p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
        }
        return m;
    }
}
