package dev.bespoke.server.bench;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * The load benchmark's baseline: a bare endpoint of this same Quarkus process that answers a fixed
 * JSON document of the delivery answer's size, doing no work. Measured in the same run with the
 * same tool, the delivery API's throughput and latency become a ratio to it, which holds on a noisy
 * shared machine where absolute figures do not.
 *
 * <p>It runs on the event loop, as the delivery API does, and accepts the same POST (whose body it
 * ignores) so both pay the same request parsing. The file is read on first use rather than at
 * start, because the harness records it from a real answer after the node is up.
 */
@Path("/bench/baseline")
@IfBuildProperty(name = "bespoke.bench.baseline", stringValue = "true")
public class BaselineResource {

  private final BenchConfig config;
  private volatile byte[] body;

  public BaselineResource(BenchConfig config) {
    this.config = config;
  }

  @GET
  @NonBlocking
  public Response get() {
    return answer();
  }

  @POST
  @NonBlocking
  public Response post() {
    return answer();
  }

  private Response answer() {
    byte[] json = body;
    if (json == null) {
      json = load();
    }
    return Response.ok(json, MediaType.APPLICATION_JSON_TYPE).build();
  }

  private synchronized byte[] load() {
    if (body == null) {
      java.nio.file.Path file =
          config
              .baselineFile()
              .orElseThrow(() -> new IllegalStateException("bespoke.bench.baseline-file is unset"));
      try {
        body = Files.readAllBytes(file);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the baseline file " + file, e);
      }
    }
    return body;
  }
}
