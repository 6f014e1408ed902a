package dev.yuqing.core.config;

/** Keys that connectors, jobs and the dashboards loader share, declared once here. */
public final class CommonOptions {
    public static final ConfigKey<String> KAFKA_BOOTSTRAP = ConfigKey.string("kafka.bootstrap.servers", "localhost:9092",
            "Kafka brokers to connect to, host:port[,host:port]");

    public static final ConfigKey<String> ES_URLS = ConfigKey.string("elasticsearch.urls", "http://localhost:9200",
            "Elasticsearch HTTP endpoints, comma-separated");
    public static final ConfigKey<String> ES_USERNAME = ConfigKey.optionalString("elasticsearch.username",
            "Elasticsearch user; empty for a node without security");
    public static final ConfigKey<String> ES_PASSWORD = ConfigKey.optionalString("elasticsearch.password",
            "password of elasticsearch.username");

    private CommonOptions() {}
}
