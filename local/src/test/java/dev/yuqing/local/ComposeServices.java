package dev.yuqing.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/** The commands of docker-compose.yml's plain-JRE services, runnable here: what the tests that run them as processes start. */
final class ComposeServices {
    static final Path ROOT = Path.of(System.getProperty("yuqing.root", ".."));

    private ComposeServices() {}

    /** A compose service's command with each mounted container path replaced by the file it mounts. */
    @SuppressWarnings("unchecked")
    static List<String> command(String service) throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        Map<String, Object> s = (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get(service);
        Map<String, String> mounts = new HashMap<>();
        for (Object v : (List<Object>) s.getOrDefault("volumes", List.of())) {
            String[] parts = v.toString().split(":");
            if (parts[0].startsWith("./")) {
                mounts.put(parts[1], ROOT.resolve(parts[0].substring(2)).toAbsolutePath().normalize().toString());
            }
        }
        List<String> command = new ArrayList<>();
        for (Object part : (List<Object>) s.get("command")) {
            String p = part.toString();
            command.add(p.equals("java") ? ProcessHandle.current().info().command().orElse("java") : mounts.getOrDefault(p, p));
        }
        assertThat(command).as("%s runs a jar the build makes", service).anyMatch(p -> p.endsWith(".jar") && Files.isRegularFile(Path.of(p)));
        return command;
    }

}
