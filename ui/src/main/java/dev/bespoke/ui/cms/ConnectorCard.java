package dev.bespoke.ui.cms;

import dev.bespoke.store.common.FieldError;
import dev.bespoke.ui.spi.CmsSettings.Connector;
import dev.bespoke.ui.support.Forms;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * One connector's card on the CMS page: its state, its form and the errors of its last save. The
 * secret has no field here on purpose: the page can only say whether one is set.
 *
 * @param mapping the mapping JSON as shown in the form: stored, or as typed when a save failed
 * @param saved whether this connector was just saved
 */
public record ConnectorCard(
    String name,
    String title,
    String secretHelp,
    boolean configured,
    boolean enabled,
    boolean secretSet,
    String publishAs,
    String mapping,
    String webhookUrl,
    Long version,
    String updated,
    List<FieldError> errors,
    boolean saved) {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  public ConnectorCard {
    errors = List.copyOf(errors);
  }

  static ConnectorCard of(Connector c, String serverRoot, boolean saved) {
    return new ConnectorCard(
        c.name(),
        title(c.name()),
        secretHelp(c.name()),
        c.configured(),
        !c.configured() || c.enabled(),
        c.secretSet(),
        c.publishAs(),
        Forms.pretty(c.mapping()),
        serverRoot + c.webhookPath(),
        c.version(),
        c.updatedAt() == null ? "" : TIME.format(c.updatedAt()) + " by " + c.updatedBy(),
        List.of(),
        saved);
  }

  /** The card again with the refused form's values (never its secret) and the reasons. */
  ConnectorCard refused(
      boolean enabled, String publishAs, String mapping, List<FieldError> errors) {
    return new ConnectorCard(
        name,
        title,
        secretHelp,
        configured,
        enabled,
        secretSet,
        publishAs,
        mapping,
        webhookUrl,
        version,
        updated,
        errors,
        false);
  }

  public String state() {
    return !configured ? "not configured" : enabled ? "enabled" : "disabled";
  }

  public List<FieldError> mappingErrors() {
    return errors(f -> f.equals("mapping") || f.startsWith("mapping."));
  }

  public List<FieldError> secretErrors() {
    return errors(f -> f.equals("secret"));
  }

  public List<FieldError> publishAsErrors() {
    return errors(f -> f.equals("publishAs"));
  }

  /** Errors no field of the form shows (a stale version, a setting only the admin API edits). */
  public List<FieldError> otherErrors() {
    return errors(
        f ->
            !f.equals("secret")
                && !f.equals("publishAs")
                && !f.equals("mapping")
                && !f.startsWith("mapping."));
  }

  private List<FieldError> errors(Predicate<String> field) {
    return errors.stream().filter(e -> field.test(e.field())).toList();
  }

  private static String title(String name) {
    return switch (name) {
      case "contentful" -> "Contentful";
      case "strapi" -> "Strapi";
      case "generic" -> "Generic webhook";
      default -> name;
    };
  }

  private static String secretHelp(String name) {
    return switch (name) {
      case "contentful" -> "The signing secret of the webhook in Contentful's settings.";
      case "strapi" ->
          "The token Strapi sends with each webhook (in the Authorization header unless the"
              + " admin API set another).";
      case "generic" -> "The key your CMS signs each webhook body with (HMAC-SHA256).";
      default -> "The connector's secret.";
    };
  }
}
