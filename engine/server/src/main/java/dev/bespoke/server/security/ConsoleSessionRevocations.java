package dev.bespoke.server.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * The signed-out console sessions, in the content database so that every node sees a sign-out at
 * once (table {@code console_session_revoked}, migration V35). A row is kept until the session
 * would have expired anyway; each sign-out sweeps the rows past that.
 */
@ApplicationScoped
public class ConsoleSessionRevocations {

  private final DataSource database;

  public ConsoleSessionRevocations(DataSource database) {
    this.database = database;
  }

  /** Records that the session was signed out; idempotent. */
  public void revoke(String sessionId, String user, Instant keepUntil, Instant now) {
    try (Connection c = database.getConnection()) {
      try (PreparedStatement sweep =
          c.prepareStatement("delete from console_session_revoked where expires_at_ms < ?")) {
        sweep.setLong(1, now.toEpochMilli());
        sweep.executeUpdate();
      }
      try (PreparedStatement insert =
          c.prepareStatement(
              "insert into console_session_revoked (session_id, user_name, expires_at_ms)"
                  + " select ?, ?, ? where not exists"
                  + " (select 1 from console_session_revoked where session_id = ?)")) {
        insert.setString(1, sessionId);
        insert.setString(2, user.length() > 128 ? user.substring(0, 128) : user);
        insert.setLong(3, keepUntil.toEpochMilli());
        insert.setString(4, sessionId);
        insert.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not record the console sign-out", e);
    }
  }

  public boolean revoked(String sessionId) {
    try (Connection c = database.getConnection();
        PreparedStatement query =
            c.prepareStatement("select 1 from console_session_revoked where session_id = ?")) {
      query.setString(1, sessionId);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not check the console session", e);
    }
  }
}
