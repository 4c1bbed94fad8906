package dev.roster.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.vertx.core.Vertx;

/**
 * The process's own meters: JVM memory, GC, threads and class loading, CPU, file descriptors and
 * uptime (Micrometer's binders, standard names such as {@code jvm_memory_used_bytes} and {@code
 * process_cpu_usage}), the event loops ({@link EventLoopMetrics}) and {@code
 * roster_build_info{version}}.
 */
public final class RuntimeMetrics implements AutoCloseable {
  public static final String BUILD_INFO = "roster.build.info";

  private final JvmGcMetrics gc = new JvmGcMetrics();
  private final EventLoopMetrics eventLoops;

  private RuntimeMetrics(MeterRegistry registry, Vertx vertx, String version) {
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    Gauge.builder(BUILD_INFO, () -> 1)
        .description("Always 1; the version tag says which Roster build runs")
        .tag("version", version)
        .register(registry);
    eventLoops = EventLoopMetrics.register(registry, vertx);
  }

  /** Binds every meter; close at shutdown to stop the probes. */
  public static RuntimeMetrics register(MeterRegistry registry, Vertx vertx, String version) {
    return new RuntimeMetrics(registry, vertx, version);
  }

  @Override
  public void close() {
    gc.close();
    eventLoops.close();
  }
}
