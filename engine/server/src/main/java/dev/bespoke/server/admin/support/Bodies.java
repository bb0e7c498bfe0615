package dev.bespoke.server.admin.support;

import dev.bespoke.store.common.ValidationException;

/** An empty body reaches a resource as null; it is a client error, not a server one. */
public final class Bodies {

  private Bodies() {}

  public static <T> T required(T body) {
    if (body == null) {
      throw ValidationException.of("body", "a JSON body is required");
    }
    return body;
  }
}
