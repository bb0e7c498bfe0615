package dev.bespoke.server.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bespoke.store.common.ConflictException;
import dev.bespoke.store.persona.PersonaService;
import dev.bespoke.store.segment.SegmentService;
import dev.bespoke.store.slot.SlotService;
import dev.bespoke.store.space.SpaceService;
import dev.bespoke.store.variant.VariantService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Seeds the demo space once, when {@code bespoke.demo.seed} is on and space {@code default} does
 * not exist yet. Everything goes through the services, so the demo content is validated, versioned
 * and audited (actor {@code system}) like an editor's, in a single transaction: a half-seeded space
 * would block the next attempt.
 */
@ApplicationScoped
public class DemoContentSeeder {

  static final String RESOURCE = "demo/default-space.json";
  static final String ACTOR = "system";

  private static final Logger LOG = Logger.getLogger(DemoContentSeeder.class);

  private final boolean enabled;
  private final ObjectMapper json;
  private final SpaceService spaces;
  private final SegmentService segments;
  private final SlotService slots;
  private final VariantService variants;
  private final PersonaService personas;

  public DemoContentSeeder(
      @ConfigProperty(name = "bespoke.demo.seed", defaultValue = "true") boolean enabled,
      ObjectMapper json,
      SpaceService spaces,
      SegmentService segments,
      SlotService slots,
      VariantService variants,
      PersonaService personas) {
    this.enabled = enabled;
    this.json = json;
    this.spaces = spaces;
    this.segments = segments;
    this.slots = slots;
    this.variants = variants;
    this.personas = personas;
  }

  void onStart(@Observes StartupEvent event) {
    if (!enabled) {
      return;
    }
    DemoContent content = read();
    try {
      boolean seeded = QuarkusTransaction.requiringNew().call(() -> seed(content));
      if (seeded) {
        LOG.infof("seeded the demo space %s", content.space().key());
      }
    } catch (ConflictException e) {
      // Two nodes starting together on one database: the other one seeded it.
      LOG.infof("demo space %s was seeded concurrently", content.space().key());
    }
  }

  private boolean seed(DemoContent content) {
    String space = content.space().key();
    if (spaces.find(space).isPresent()) {
      return false;
    }
    spaces.create(content.space(), ACTOR);
    content
        .segments()
        .forEach(s -> segments.publish(space, segments.create(space, s, ACTOR).key(), ACTOR));
    content.slots().forEach(s -> slots.publish(space, slots.create(space, s, ACTOR).key(), ACTOR));
    content
        .variants()
        .forEach(
            v ->
                variants.publish(
                    space, v.slot(), variants.create(space, v.slot(), v, ACTOR).key(), ACTOR));
    content.personas().forEach(p -> personas.create(space, p, ACTOR));
    return true;
  }

  private DemoContent read() {
    try (InputStream in =
        Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the class path");
      }
      return json.readValue(in, DemoContent.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
