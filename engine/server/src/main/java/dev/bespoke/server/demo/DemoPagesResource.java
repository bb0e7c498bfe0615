package dev.bespoke.server.demo;

import dev.bespoke.store.common.NotFoundException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/**
 * The demo shop ({@code /demo/}) and app screen ({@code /demo/app}), served only where the demo
 * content is seeded. {@code POST /demo/session} plays the host site's login: it issues a session
 * JWT for a gold-tier customer, signed with the configured HS256 session secret.
 */
@Path("/demo")
@Tag(name = "Demo")
public class DemoPagesResource {

  private static final Map<String, String> ASSETS =
      Map.of(
          "demo.css", "text/css",
          "demo.js", "text/javascript",
          "persona.js", "text/javascript",
          "app.js", "text/javascript");

  private final boolean enabled;
  private final Optional<String> secret;
  private final Optional<String> issuer;

  public DemoPagesResource(
      @ConfigProperty(name = "bespoke.demo.seed", defaultValue = "true") boolean enabled,
      @ConfigProperty(name = "bespoke.session.jwt.secret") Optional<String> secret,
      @ConfigProperty(name = "bespoke.session.jwt.issuer") Optional<String> issuer) {
    this.enabled = enabled;
    this.secret = secret;
    this.issuer = issuer;
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public Response shop(@jakarta.ws.rs.core.Context jakarta.ws.rs.core.UriInfo uri) {
    // Relative links in the page resolve against /demo/, so /demo redirects there.
    if (!uri.getPath().endsWith("/")) {
      return Response.status(Response.Status.MOVED_PERMANENTLY)
          .location(URI.create("/demo/"))
          .build();
    }
    return page("index.html", MediaType.TEXT_HTML);
  }

  @GET
  @Path("app")
  @Produces(MediaType.TEXT_HTML)
  public Response app() {
    return page("app.html", MediaType.TEXT_HTML);
  }

  @GET
  @Path("assets/{name}")
  public Response asset(@PathParam("name") String name) {
    String type = ASSETS.get(name);
    if (type == null) {
      throw new NotFoundException("demo asset", name);
    }
    return page(name, type + ";charset=UTF-8");
  }

  @POST
  @Path("session")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Demo only: a session JWT for a gold-tier customer")
  public Map<String, String> goldCustomerSession() throws JoseException {
    requireEnabled();
    String key =
        secret.orElseThrow(
            () -> new NotFoundException("demo sign-in", "(set bespoke.session.jwt.secret)"));
    JwtClaims claims = new JwtClaims();
    claims.setSubject("demo-gold-customer");
    claims.setClaim("tier", "gold");
    claims.setIssuedAtToNow();
    claims.setExpirationTimeMinutesInTheFuture(60);
    issuer.ifPresent(claims::setIssuer);
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
    jws.setKey(new HmacKey(key.getBytes(StandardCharsets.UTF_8)));
    return Map.of("token", jws.getCompactSerialization());
  }

  private Response page(String name, String type) {
    requireEnabled();
    try (InputStream in =
        DemoPagesResource.class.getClassLoader().getResourceAsStream("demo-pages/" + name)) {
      if (in == null) {
        throw new NotFoundException("demo page", name);
      }
      return Response.ok(in.readAllBytes(), type).header("Cache-Control", "no-cache").build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void requireEnabled() {
    if (!enabled) {
      throw new NotFoundException("demo", "(the demo is off: bespoke.demo.seed=false)");
    }
  }
}
