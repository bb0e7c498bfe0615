package dev.bespoke.server.delivery;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bespoke.server.snapshot.HtmlSanitizer;
import dev.bespoke.server.snapshot.PublishedSlot;
import dev.bespoke.server.snapshot.VariantContent;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * Renders a chosen variant as an HTML fragment: its own (already sanitised) HTML, else the slot's
 * template, else a built-in template for the common fields. Templates escape every value, and the
 * result is sanitised once more, because a field such as {@code ctaUrl} can carry a {@code
 * javascript:} URL that escaping alone would let through.
 */
@ApplicationScoped
public class FragmentRenderer {

  private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {};

  private final Template builtin;
  private final HtmlSanitizer sanitizer;
  private final ObjectMapper json;

  public FragmentRenderer(
      @Location("fragment/builtin.html") Template builtin,
      HtmlSanitizer sanitizer,
      ObjectMapper json) {
    this.builtin = builtin;
    this.sanitizer = sanitizer;
    this.json = json;
  }

  public String render(PublishedSlot slot, VariantContent content) {
    if (content.html() != null && !content.html().isBlank()) {
      return content.html();
    }
    Template template = slot.optionalTemplate().orElse(builtin);
    Map<String, Object> fields =
        content.fields() == null || !content.fields().isObject()
            ? Map.of()
            : json.convertValue(content.fields(), FIELDS);
    String rendered =
        template
            .data("fields", fields)
            .data("slot", slot.key())
            .data("variant", content.key())
            .render();
    return sanitizer.sanitize(rendered);
  }
}
