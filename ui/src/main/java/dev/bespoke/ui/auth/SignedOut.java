package dev.bespoke.ui.auth;

/**
 * Fired (synchronously, as a CDI event) when an editor signs out, before the answer is sent. The
 * server observes it to revoke the session on every node: clearing the cookies only asks the
 * browser to forget them, and a copy of the session cookie would otherwise keep working.
 *
 * @param user the signed-in user
 * @param sessionMark the value of the {@link LoginPages#MARK_COOKIE} cookie, or null if absent
 */
public record SignedOut(String user, String sessionMark) {}
