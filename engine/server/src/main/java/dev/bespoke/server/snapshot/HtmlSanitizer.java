package dev.bespoke.server.snapshot;

import jakarta.enterprise.context.ApplicationScoped;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Cleans variant HTML with the OWASP Java HTML Sanitizer before any visitor can receive it:
 * formatting, links, images, tables and simple layout survive; scripts, event handlers, styles that
 * can load code, forms and frames do not. Editors are trusted to write content, not code.
 */
@ApplicationScoped
public class HtmlSanitizer {

  private static final PolicyFactory POLICY =
      Sanitizers.FORMATTING
          .and(Sanitizers.BLOCKS)
          .and(Sanitizers.LINKS)
          .and(Sanitizers.IMAGES)
          .and(Sanitizers.TABLES)
          .and(
              new HtmlPolicyBuilder()
                  .allowElements(
                      "section",
                      "article",
                      "header",
                      "footer",
                      "figure",
                      "figcaption",
                      "picture",
                      "span",
                      "div")
                  .allowAttributes("class")
                  .globally()
                  .allowAttributes("alt", "title")
                  .globally()
                  // The fragment wrapper names its slot and variant for the browser script.
                  .allowAttributes("data-bespoke-slot", "data-bespoke-variant")
                  .onElements("div")
                  .toFactory());

  public String sanitize(String html) {
    return html == null ? null : POLICY.sanitize(html);
  }
}
