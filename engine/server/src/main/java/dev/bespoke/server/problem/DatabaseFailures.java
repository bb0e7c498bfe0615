package dev.bespoke.server.problem;

import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import org.hibernate.exception.JDBCConnectionException;

/**
 * Tells a content database that is gone or cannot write (a temporary condition the client should
 * retry, 503) from a bug (500), whatever layer wrapped the cause: Hibernate, Agroal acquiring a
 * connection, the transaction manager at commit.
 */
final class DatabaseFailures {

  /** What the failure means for the client. */
  enum Kind {
    UNREACHABLE,
    DISK_FULL,
    OTHER
  }

  private static final int MAX_DEPTH = 16;

  private DatabaseFailures() {}

  static Kind classify(Throwable failure) {
    return classify(failure, 0);
  }

  /** Causes and suppressed exceptions both: a failed commit hangs the reason on the latter. */
  private static Kind classify(Throwable failure, int depth) {
    Kind kind = Kind.OTHER;
    for (Throwable t = failure; t != null && depth < MAX_DEPTH; t = t.getCause(), depth++) {
      String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
      // H2 reports a failed file write (a full disk) as "Writing to <file> failed"; the
      // operating system's words reach us only in embedded mode.
      if (message.contains("no space left on device")
          || (message.contains("mvstoreexception") && message.contains("writing to"))) {
        return Kind.DISK_FULL;
      }
      for (Throwable suppressed : t.getSuppressed()) {
        Kind inner = classify(suppressed, depth + 1);
        if (inner == Kind.DISK_FULL) {
          return inner;
        }
        if (inner == Kind.UNREACHABLE) {
          kind = inner;
        }
      }
      if (t instanceof JDBCConnectionException
          || t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException
          || t instanceof ConnectException
          || t instanceof SocketException
          || (t instanceof SQLException sql && isConnectionState(sql.getSQLState()))
          || message.contains("unable to acquire jdbc connection")
          || message.contains("acquisition timeout")) {
        kind = Kind.UNREACHABLE;
      }
    }
    return kind;
  }

  /** SQLSTATE class 08: connection exception (both PostgreSQL and H2 use it). */
  private static boolean isConnectionState(String state) {
    return state != null && state.startsWith("08");
  }
}
