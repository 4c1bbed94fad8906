package dev.roster.tracing;

import dev.roster.BuildVersion;
import dev.roster.config.TracingOptions;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.tracing.opentelemetry.OpenTelemetryOptions;
import io.vertx.tracing.opentelemetry.OpenTelemetryTracingFactory;
import java.util.concurrent.TimeUnit;

/**
 * OpenTelemetry through Vert.x's own integration, only when {@code tracing.otlpEndpoint} is set.
 * Then the public server continues a caller's W3C {@code traceparent} (or starts a trace), every
 * upstream call made for the request carries it on, and spans go in batches over OTLP/HTTP. When
 * off, no tracer is installed in Vert.x at all: nothing is created or looked up per request.
 */
public final class Tracing implements AutoCloseable {
  private static final Tracing OFF = new Tracing(null);

  private final OpenTelemetrySdk sdk;

  private Tracing(OpenTelemetrySdk sdk) {
    this.sdk = sdk;
  }

  /** The SDK for {@code options}, or the no-op when tracing is off. */
  public static Tracing start(TracingOptions options) {
    if (!options.enabled()) {
      return OFF;
    }
    Resource resource =
        Resource.getDefault()
            .merge(
                Resource.create(
                    Attributes.of(
                        AttributeKey.stringKey("service.name"), options.serviceName(),
                        AttributeKey.stringKey("service.version"), BuildVersion.version())));
    OtlpHttpSpanExporter exporter =
        OtlpHttpSpanExporter.builder().setEndpoint(tracesUrl(options.otlpEndpoint())).build();
    SdkTracerProvider tracers =
        SdkTracerProvider.builder()
            .setResource(resource)
            // A caller's sampling decision is followed; new traces are sampled at the ratio.
            .setSampler(Sampler.parentBased(Sampler.traceIdRatioBased(options.sampleRatio())))
            .addSpanProcessor(BatchSpanProcessor.builder(exporter).build())
            .build();
    OpenTelemetrySdk sdk =
        OpenTelemetrySdk.builder()
            .setTracerProvider(tracers)
            .setPropagators(
                ContextPropagators.create(
                    TextMapPropagator.composite(
                        W3CTraceContextPropagator.getInstance(),
                        W3CBaggagePropagator.getInstance())))
            .build();
    return new Tracing(sdk);
  }

  /** OTLP/HTTP's traces path on the collector's base URL, unless already given. */
  static String tracesUrl(String endpoint) {
    String base = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
    return base.endsWith("/v1/traces") ? base : base + "/v1/traces";
  }

  public boolean enabled() {
    return sdk != null;
  }

  /** A Vert.x instance with the tracer installed when tracing is on, a plain one otherwise. */
  public Vertx newVertx() {
    if (sdk == null) {
      return Vertx.vertx();
    }
    return Vertx.builder()
        .with(new VertxOptions().setTracingOptions(new OpenTelemetryOptions()))
        .withTracer(new OpenTelemetryTracingFactory(sdk))
        .build();
  }

  /** Exports the spans still buffered (at most 5 s) and stops the SDK. */
  @Override
  public void close() {
    if (sdk != null) {
      sdk.getSdkTracerProvider().shutdown().join(5, TimeUnit.SECONDS);
    }
  }
}
