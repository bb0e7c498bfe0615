package dev.bespoke.cms.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The browser script is on the critical path of every page that uses it: it must stay within 6 KB
 * gzipped. The build prints the measured size.
 */
class BrowserScriptSizeTest {

  private static final int LIMIT_GZIPPED = 6 * 1024;

  @Test
  void theScriptStaysUnderSixKilobytesGzippedAndCarriesItsVersion() throws IOException {
    byte[] script = read("/META-INF/resources/sdk/bespoke.js");
    byte[] gzipped = gzip(script);
    System.out.printf(
        "bespoke.js: %d bytes, %d bytes gzipped (limit %d)%n",
        script.length, gzipped.length, LIMIT_GZIPPED);
    assertThat(gzipped.length).isLessThanOrEqualTo(LIMIT_GZIPPED);
    String text = new String(script, java.nio.charset.StandardCharsets.UTF_8);
    assertThat(text).doesNotContain("@sdk.version@").contains("version: '1.0.0'");
    assertThat(read("/META-INF/resources/sdk/1.0.0/bespoke.js")).isEqualTo(script);
  }

  private static byte[] read(String resource) throws IOException {
    try (InputStream in = BrowserScriptSizeTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return in.readAllBytes();
    }
  }

  /** Level 9, as a CDN or nginx with gzip_comp_level 9 would serve it. */
  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz =
        new GZIPOutputStream(out) {
          {
            def.setLevel(Deflater.BEST_COMPRESSION);
          }
        }) {
      gz.write(data);
    }
    return out.toByteArray();
  }
}
