package dev.bespoke.server.context.geo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bespoke.server.context.Headers;
import dev.bespoke.server.context.testsupport.Configs;
import dev.bespoke.server.context.testsupport.TestResources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Geo from a trusted header or the MaxMind test databases (maxmind/MaxMind-DB test-data). */
class GeoResolverTest {

  private static final Path CITY = TestResources.path("maxmind/GeoIP2-City-Test.mmdb");
  private static final Path COUNTRY = TestResources.path("maxmind/GeoIP2-Country-Test.mmdb");
  private static final Path BROKEN_DOUBLE =
      TestResources.path("maxmind/GeoIP2-City-Test-Broken-Double-Format.mmdb");
  private static final Path BROKEN_NODES =
      TestResources.path("maxmind/GeoIP2-City-Test-Invalid-Node-Count.mmdb");

  private final List<LogRecord> logged = new ArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          logged.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void captureLog() {
    Logger.getLogger(GeoResolver.class.getName()).addHandler(capture);
  }

  @AfterEach
  void releaseLog() {
    Logger.getLogger(GeoResolver.class.getName()).removeHandler(capture);
  }

  @Test
  void cityDatabaseGivesCountryAndRegion() {
    GeoResolver geo = loaded(CITY);
    // From GeoIP2-City-Test.json: ::81.2.69.142/127 is GB, subdivision ENG; 214.78.120.0/22 US-CA.
    assertThat(geo.resolve(Headers.NONE, "81.2.69.142")).isEqualTo(geo("GB", "ENG"));
    assertThat(geo.resolve(Headers.NONE, "214.78.120.5")).isEqualTo(geo("US", "CA"));
    assertThat(geo.resolve(Headers.NONE, "89.160.20.130")).isEqualTo(geo("SE", "E"));
  }

  @Test
  void countryDatabaseGivesCountryOnly() {
    GeoResolver geo = loaded(COUNTRY);
    assertThat(geo.resolve(Headers.NONE, "81.2.69.160")).isEqualTo(geo("GB", null));
    // 2001:218::/32 is JP in GeoIP2-Country-Test.json.
    assertThat(geo.resolve(Headers.NONE, "2001:218::1")).isEqualTo(geo("JP", null));
    assertThat(geo.resolve(Headers.NONE, "[2001:218::1]")).isEqualTo(geo("JP", null));
  }

  @Test
  void unknownPrivateAndMalformedAddressesGiveNothing() {
    GeoResolver geo = loaded(CITY);
    for (String address :
        new String[] {
          "10.0.0.1",
          "127.0.0.1",
          "::1",
          null,
          "",
          "not-an-ip",
          "evil.example",
          "1.2.3",
          "999.1.1.1",
          "81.2.69.142, 10.0.0.1",
          "x".repeat(10_000)
        }) {
      assertThat(geo.resolve(Headers.NONE, address))
          .as(String.valueOf(address))
          .isEqualTo(Geo.UNKNOWN);
    }
    // 214.1.1.0/24 is in the database without a country.
    assertThat(geo.resolve(Headers.NONE, "214.1.1.1")).isEqualTo(Geo.UNKNOWN);
  }

  @Test
  void literalParsingNeverResolvesNames() {
    assertThat(IpLiteral.parse("localhost")).isEmpty();
    assertThat(IpLiteral.parse("abc")).isEmpty();
    assertThat(IpLiteral.parse("fe80::1%eth0")).isPresent();
    assertThat(IpLiteral.parse("81.2.69.142")).isPresent();
  }

  @Test
  @DisplayName("F12 corrupted GeoIP databases are rejected at load with a clear log line")
  void brokenDatabasesAreRejectedAtLoadWithAClearLogLine() {
    for (Path broken : List.of(BROKEN_DOUBLE, BROKEN_NODES)) {
      logged.clear();
      GeoResolver geo = new GeoResolver(Configs.geoDatabase(broken));
      assertThat(geo.reload()).isFalse();
      assertThat(geo.hasDatabase()).isFalse();
      assertThat(geo.resolve(Headers.NONE, "81.2.69.142")).isEqualTo(Geo.UNKNOWN);
      assertThat(logged)
          .anySatisfy(
              r ->
                  assertThat(format(r))
                      .contains("GeoIP database", broken.getFileName().toString(), "rejected")
                      .contains("geo.country stays absent"));
    }
  }

  @Test
  void missingDatabaseIsRejectedAndGeoStaysAbsent() {
    GeoResolver geo = new GeoResolver(Configs.geoDatabase(Path.of("/nonexistent/GeoLite2.mmdb")));
    assertThat(geo.reload()).isFalse();
    assertThat(geo.resolve(Headers.NONE, "81.2.69.142")).isEqualTo(Geo.UNKNOWN);
  }

  @Test
  @DisplayName("F12 a corrupted replacement on reload keeps the database in use")
  void aBrokenReplacementKeepsTheDatabaseInUse(@TempDir Path dir) throws Exception {
    Path live = dir.resolve("GeoLite2-City.mmdb");
    Files.copy(CITY, live);
    GeoResolver geo = new GeoResolver(Configs.geoDatabase(live));
    assertThat(geo.reload()).isTrue();

    Files.copy(BROKEN_DOUBLE, live, StandardCopyOption.REPLACE_EXISTING);
    Files.setLastModifiedTime(live, FileTime.from(Instant.now().plusSeconds(60)));
    geo.checkForNewDatabase();
    assertThat(geo.resolve(Headers.NONE, "81.2.69.142")).isEqualTo(geo("GB", "ENG"));
    assertThat(logged)
        .anySatisfy(r -> assertThat(format(r)).contains("previous database stays in use"));

    Files.copy(COUNTRY, live, StandardCopyOption.REPLACE_EXISTING);
    Files.setLastModifiedTime(live, FileTime.from(Instant.now().plusSeconds(120)));
    geo.checkForNewDatabase();
    assertThat(geo.resolve(Headers.NONE, "81.2.69.142")).isEqualTo(geo("GB", null));
  }

  @Test
  void trustedHeaderIsTheOnlySourceWhenConfigured() {
    GeoResolver geo = new GeoResolver(Configs.geoHeader("CF-IPCountry", "CF-Region-Code"));
    assertThat(geo.resolve(Headers.of("cf-ipcountry", "nl", "CF-Region-Code", "NH"), "81.2.69.142"))
        .isEqualTo(geo("NL", "NH"));
    assertThat(geo.resolve(Headers.of("CF-IPCountry", "BE", "CF-Region-Code", "BE-VAN"), null))
        .isEqualTo(geo("BE", "VAN"));
    // No header: absent, never a fallback to the address.
    assertThat(geo.resolve(Headers.NONE, "81.2.69.142")).isEqualTo(Geo.UNKNOWN);
  }

  @Test
  void headerValuesMustBeAssignedCountryCodes() {
    GeoResolver geo = new GeoResolver(Configs.geoHeader("CF-IPCountry", null));
    for (String value :
        new String[] {"XX", "T1", "NLD", "N", "", "1A", "nl\r\nSet-Cookie: x", "ÑL"}) {
      assertThat(geo.resolve(Headers.of("CF-IPCountry", value), null))
          .as(value)
          .isEqualTo(Geo.UNKNOWN);
    }
    assertThat(geo.resolve(Headers.of("CF-IPCountry", " de "), null)).isEqualTo(geo("DE", null));
  }

  @Test
  void noConfigurationMeansNoGeo() {
    GeoResolver geo = new GeoResolver(Configs.geoNone());
    assertThat(geo.reload()).isFalse();
    assertThat(geo.resolve(Headers.of("CF-IPCountry", "NL"), "81.2.69.142")).isEqualTo(Geo.UNKNOWN);
  }

  private static GeoResolver loaded(Path database) {
    GeoResolver geo = new GeoResolver(Configs.geoDatabase(database));
    assertThat(geo.reload()).isTrue();
    return geo;
  }

  private static Geo geo(String country, String region) {
    return new Geo(Optional.ofNullable(country), Optional.ofNullable(region));
  }

  private static String format(LogRecord r) {
    Object[] params = r.getParameters();
    String message = r.getMessage();
    return params == null ? message : String.format(message, params);
  }
}
