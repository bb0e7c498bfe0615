package dev.bespoke.server.snapshot;

import dev.bespoke.store.common.ValidationException;
import io.quarkus.qute.Engine;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateException;
import io.quarkus.qute.Variant;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Parses the Qute templates editors write on slots, in an engine of their own. The application's
 * engine knows the {@code config:} and {@code inject:} namespaces, template locators for {@code
 * {#include}} and generated resolvers for beans: an editor's template there could print {@code
 * {config:bespoke.cookie.secret}}. This engine has only the standard sections and the resolvers for
 * maps, lists and strings: a template can show the variant's fields and loop over them, nothing
 * else. Every expression is HTML-escaped.
 */
@ApplicationScoped
public class EditorTemplates {

  private static final Variant HTML = Variant.forContentType("text/html");

  private final Engine engine =
      Engine.builder()
          .addDefaults()
          .addResultMapper(new HtmlEscaper(List.of("text/html")))
          .strictRendering(true)
          .build();

  /** The parsed template; a {@link TemplateException} when it does not parse in the sandbox. */
  public Template parse(String template) {
    return engine.parse(template, HTML);
  }

  /** Refuses, as a 400 naming {@code template}, a template the sandbox cannot parse. */
  public void check(String template) {
    if (template == null || template.isBlank()) {
      return;
    }
    try {
      parse(template);
    } catch (TemplateException e) {
      throw ValidationException.of(
          "template",
          "does not parse as a slot template (only fields, sections and loops; no includes or"
              + " namespaces)");
    }
  }
}
