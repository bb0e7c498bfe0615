package dev.bespoke.server.admin.support;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.bespoke.store.common.ValidationException;

/** Body of {@code POST …/{key}/rollback}: the version to restore. */
@JsonIgnoreProperties(ignoreUnknown = false)
public record RollbackRequest(Long version) {

  public long requiredVersion() {
    if (version == null) {
      throw ValidationException.of("version", "is required: the version to restore");
    }
    if (version < 1) {
      throw ValidationException.of("version", "must be 1 or more");
    }
    return version;
  }

  public static long versionOf(RollbackRequest request) {
    return Bodies.required(request).requiredVersion();
  }
}
