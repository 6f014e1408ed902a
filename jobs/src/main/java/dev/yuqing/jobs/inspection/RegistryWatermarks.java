package dev.yuqing.jobs.inspection;

import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

/**
 * The registry is configuration, not an event stream: its input stays idle, so the inspection
 * operator's event time is the posts' alone. Not "the end of time": when the posts' partitions go
 * idle too, the operator's event time must stand still, or every deadline would fire at once.
 */
public final class RegistryWatermarks<T> implements WatermarkGenerator<T> {
    @Override
    public void onEvent(T record, long timestamp, WatermarkOutput output) {
        // nothing: a change carries no event time
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        output.markIdle();
    }
}
