package dev.bespoke.server.profile.identity;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;

/** The seam to context resolution: identifies callers and makes the visitor cookie. */
public interface VisitorIdentity {

  /**
   * Who the request speaks for. A {@code claimedVisitorId} from the body or query wins over the
   * cookie; either counts only when its signature verifies, so nobody can act on another visitor's
   * profile by naming its id.
   */
  Caller identify(String claimedVisitorId, HttpHeaders headers);

  /** A new signed visitor id. */
  String issue();

  /** The {@code bespoke_vid} cookie carrying {@code visitorId}. */
  NewCookie cookie(String visitorId, HttpHeaders headers);

  /** A cookie that makes the browser drop {@code bespoke_vid}. */
  NewCookie expiredCookie(HttpHeaders headers);
}
