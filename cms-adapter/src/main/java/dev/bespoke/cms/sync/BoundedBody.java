package dev.bespoke.cms.sync;

import dev.bespoke.cms.connector.PayloadTooLargeException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads a request body up to a limit. A declared length over the limit is refused before a byte is
 * read; an undeclared (chunked) body is refused as soon as it passes the limit, so neither is ever
 * parsed or held in full.
 */
public final class BoundedBody {

  /** Webhook bodies: Contentful's largest entries are well under this. */
  public static final int WEBHOOK_LIMIT = 1024 * 1024;

  private BoundedBody() {}

  public static byte[] read(InputStream in, Long declaredLength, int limit) {
    if (declaredLength != null && declaredLength > limit) {
      throw new PayloadTooLargeException(limit);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try (in) {
      int n;
      while ((n = in.read(buffer)) != -1) {
        if (out.size() + n > limit) {
          throw new PayloadTooLargeException(limit);
        }
        out.write(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
