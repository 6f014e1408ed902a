package dev.yuqing.core.config;

/** Keys that connectors and jobs share, declared once here. */
public final class CommonOptions {
    public static final ConfigKey<String> KAFKA_BOOTSTRAP = ConfigKey.string("kafka.bootstrap.servers", "localhost:9092",
            "Kafka brokers to connect to, host:port[,host:port]");

    private CommonOptions() {}
}
