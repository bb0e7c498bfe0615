package dev.bespoke.server.admin.support;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** 201 with the new resource's URL, which is the collection's URL plus the key. */
public final class Created {

  private Created() {}

  public static Response at(UriInfo uri, String key, Object body) {
    return Response.created(uri.getAbsolutePathBuilder().path(key).build()).entity(body).build();
  }
}
