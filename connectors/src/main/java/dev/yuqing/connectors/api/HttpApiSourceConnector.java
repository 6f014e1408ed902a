package dev.yuqing.connectors.api;

import dev.yuqing.connectors.connect.PostSourceConnector;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Task;

/**
 * Reads a JSON API's listing (a platform account's posts, a message board's messages and replies)
 * into posts: a URL template paged by page number, cursor or since-id, items found and mapped by
 * JSON Pointer, request headers (an API token) from the worker's secrets. Connect keeps the
 * listing's cursor and the recently sent items ({@link ApiState}), so nothing is sent twice.
 */
public final class HttpApiSourceConnector extends PostSourceConnector {
    @Override
    public ConfigDef config() {
        return HttpApiConfig.definition(); // a new one each time: a ConfigDef can be added to
    }

    @Override
    protected void check(Map<String, String> props, Map<String, ConfigValue> values) {
        HttpApiConfig c = new HttpApiConfig(props);
        c.http().check(values);
        c.http().checkSource(values, HttpApiConfig.API_URL, c.sampleUrl());
        HttpApiConfig.Paging paging = c.paging();
        if (!c.urlTemplate().contains(paging.placeholder())) {
            values.get(HttpApiConfig.API_URL).addErrorMessage(HttpApiConfig.API_URL + " has no " + paging.placeholder() + " for "
                    + HttpApiConfig.API_PAGING + " " + c.getString(HttpApiConfig.API_PAGING) + "; put it where the API takes the "
                    + switch (paging) {
                        case PAGE -> "page number, such as ?page={page}";
                        case CURSOR -> "cursor, such as ?cursor={cursor}";
                        case SINCE_ID -> "lowest id to list, such as ?since_id={since}";
                    });
        }
        if (paging == HttpApiConfig.Paging.CURSOR && c.cursorPointer() == null) {
            values.get(HttpApiConfig.API_CURSOR_POINTER).addErrorMessage(HttpApiConfig.API_CURSOR_POINTER
                    + " is required for " + HttpApiConfig.API_PAGING + " cursor: give the JSON Pointer of the next cursor in an answer, such as /data/next_cursor");
        }
    }

    @Override
    public Class<? extends Task> taskClass() {
        return HttpApiSourceTask.class;
    }
}
