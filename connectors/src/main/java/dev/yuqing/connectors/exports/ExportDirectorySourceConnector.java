package dev.yuqing.connectors.exports;

import dev.yuqing.connectors.connect.PostSourceConnector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Task;

/**
 * Reads a directory of new-media exports (Weibo, WeChat, Douyin; JSON lines or CSV with the
 * field mapping of the replay) into posts, watching it for new files and for lines appended to
 * the old ones. Connect keeps each file's position as the source offset (the partition is the
 * file), so a restarted worker resumes in the middle of a file and does not read finished ones
 * again; a file replaced by another under the same name is read from its start. A line still being
 * written is read once its end arrives.
 */
public final class ExportDirectorySourceConnector extends PostSourceConnector {
    @Override
    public ConfigDef config() {
        return ExportDirectoryConfig.definition(); // a new one each time: a ConfigDef can be added to
    }

    @Override
    protected void check(Map<String, String> props, Map<String, ConfigValue> values) {
        Path dir = new ExportDirectoryConfig(props).dir();
        if (!Files.isDirectory(dir) || !Files.isReadable(dir)) {
            values.get(ExportDirectoryConfig.EXPORT_DIR).addErrorMessage(ExportDirectoryConfig.EXPORT_DIR + ": '" + dir
                    + "' is not a readable directory on this worker; create it or give the directory the exports are dropped into"
                    + " (in a distributed cluster, one every worker sees)");
        }
    }

    @Override
    public Class<? extends Task> taskClass() {
        return ExportDirectorySourceTask.class;
    }
}
