package dev.bespoke.server.context.geo;

import com.maxmind.db.Reader;
import com.maxmind.geoip2.DatabaseReader;
import com.maxmind.geoip2.model.CityResponse;
import com.maxmind.geoip2.model.CountryResponse;
import com.maxmind.geoip2.record.Subdivision;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One opened and checked MaxMind database.
 *
 * <p>Opening a MaxMind file only reads its metadata, so a file that is truncated or corrupt in its
 * data section would open fine and fail on the first visitor. {@link #open} therefore looks up a
 * set of probe addresses spread over the IPv4 and IPv6 space and refuses the file if any lookup
 * fails to decode; a bad file is rejected once, with a log line, instead of per request.
 */
final class GeoDatabase implements Closeable {

  /** Spread over the tree so the probes touch many of its nodes and data records. */
  private static final List<String> PROBES =
      List.of(
          "1.1.1.1",
          "8.8.8.8",
          "81.2.69.142",
          "89.160.20.128",
          "145.1.2.3",
          "175.16.199.1",
          "202.196.224.1",
          "214.78.120.1",
          "2001:218::1",
          "2001:480::1",
          "2a02:cf40::1");

  private final DatabaseReader reader;
  private final boolean city;

  private GeoDatabase(DatabaseReader reader, boolean city) {
    this.reader = reader;
    this.city = city;
  }

  /** Opens and probes {@code file}; throws with a readable reason when it is unusable. */
  static GeoDatabase open(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException("no such file");
    }
    // Read into memory: a later geoipupdate may replace the file under a memory map.
    DatabaseReader reader =
        new DatabaseReader.Builder(file.toFile()).fileMode(Reader.FileMode.MEMORY).build();
    try {
      String type = reader.metadata().databaseType();
      boolean city = type.contains("City") || type.contains("Enterprise");
      if (!city && !type.contains("Country")) {
        throw new IOException(
            "database type " + type + " has no countries (use a Country or City database)");
      }
      GeoDatabase database = new GeoDatabase(reader, city);
      for (String probe : PROBES) {
        database.lookup(IpLiteral.parse(probe).orElseThrow());
      }
      return database;
    } catch (IOException | RuntimeException e) {
      reader.close();
      throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
    }
  }

  /** The country and region of {@code address}; empty parts where the database has none. */
  Geo lookup(InetAddress address) throws IOException {
    try {
      if (city) {
        Optional<CityResponse> found = reader.tryCity(address);
        if (found.isEmpty()) {
          return Geo.UNKNOWN;
        }
        Optional<String> country = GeoCodes.country(found.get().country().isoCode());
        Subdivision subdivision = found.get().mostSpecificSubdivision();
        Optional<String> region =
            subdivision == null || country.isEmpty()
                ? Optional.empty()
                : GeoCodes.region(subdivision.isoCode(), country);
        return new Geo(country, region);
      }
      Optional<CountryResponse> found = reader.tryCountry(address);
      return found.isEmpty()
          ? Geo.UNKNOWN
          : new Geo(GeoCodes.country(found.get().country().isoCode()), Optional.empty());
    } catch (com.maxmind.geoip2.exception.GeoIp2Exception e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
