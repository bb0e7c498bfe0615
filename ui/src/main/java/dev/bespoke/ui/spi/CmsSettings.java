package dev.bespoke.ui.spi;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/** A space's CMS connector settings, as the admin API keeps them; admins only. */
public interface CmsSettings {

  /** Every connector the engine has, configured for the space or not, in name order. */
  List<Connector> list(String space);

  /**
   * Creates or replaces the console-editable settings of one connector; the others (the token
   * header, the signature's time to live) stay as they are.
   *
   * @throws dev.bespoke.store.common.ValidationException naming the field ({@code mapping…}, {@code
   *     secret}, {@code publishAs}); nothing changed
   * @throws dev.bespoke.store.common.StaleVersionException when someone saved in between
   */
  Connector save(String space, String connector, Change change, String actor);

  /**
   * One connector of a space. The secret itself never leaves the engine.
   *
   * @param configured whether the space has settings for it at all
   * @param webhookPath where the CMS sends its webhooks, relative to the server's root
   * @param version the version to send back with a change; {@code null} before the first one
   */
  record Connector(
      String name,
      boolean configured,
      boolean enabled,
      boolean secretSet,
      String publishAs,
      JsonNode mapping,
      String webhookPath,
      Long version,
      Instant updatedAt,
      String updatedBy) {}

  /**
   * A change from the console's form.
   *
   * @param secret a new secret; {@code null} keeps the stored one
   * @param mapping {@code null} for every default
   */
  record Change(boolean enabled, String secret, String publishAs, JsonNode mapping, Long version) {}
}
