package dev.bespoke.server.context.geo;

import dev.bespoke.server.context.Headers;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Resolves {@code geo.country} and {@code geo.region}.
 *
 * <p>A client can send any header, so a country header is believed only when the operator names it
 * ({@code bespoke.geo.country-header}), and then it is the only source: the database is not
 * consulted, so a visitor cannot fall back to IP lookup by leaving the header out. Without a header
 * the optional MaxMind database is asked by client IP. A database that does not load or probe
 * cleanly is refused with a log line and geo stays absent; nothing here throws into a request.
 */
@ApplicationScoped
public class GeoResolver {

  private static final Logger LOG = Logger.getLogger(GeoResolver.class);

  /** Log a failing lookup once in this many, so a bad file cannot flood the log. */
  private static final long LOG_EVERY = 10_000;

  private final GeoConfig config;
  private final AtomicLong lookupFailures = new AtomicLong();
  private volatile GeoDatabase database;
  private volatile FileTime loadedVersion;

  public GeoResolver(GeoConfig config) {
    this.config = config;
  }

  void onStart(@Observes StartupEvent event) {
    if (config.countryHeader().isPresent() && config.database().isPresent()) {
      LOG.warn(
          "bespoke.geo.database is ignored: bespoke.geo.country-header is set and takes its place");
    }
    reload();
  }

  /**
   * Loads the configured database when it is new or changed. A file that fails its checks is
   * refused: at start-up geo stays absent; later the database already loaded stays in use.
   *
   * @return whether a database is in use afterwards
   */
  public synchronized boolean reload() {
    if (config.countryHeader().isPresent() || config.database().isEmpty()) {
      return false;
    }
    Path file = config.database().get();
    FileTime version = modified(file);
    if (database != null && version != null && version.equals(loadedVersion)) {
      return true;
    }
    try {
      GeoDatabase fresh = GeoDatabase.open(file);
      GeoDatabase old = database;
      database = fresh;
      loadedVersion = version;
      closeQuietly(old);
      LOG.infof("GeoIP database %s loaded", file);
    } catch (IOException | RuntimeException e) {
      // Remember the refused version so the periodic check does not log it again every time.
      loadedVersion = version;
      LOG.errorf(
          "GeoIP database %s rejected (%s)%s",
          file,
          e.getMessage(),
          database == null ? "; geo.country stays absent" : "; the previous database stays in use");
    }
    return database != null;
  }

  @Scheduled(
      every = "${bespoke.geo.database-check-interval:10m}",
      delayed = "${bespoke.geo.database-check-interval:10m}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void checkForNewDatabase() {
    if (config.database().isPresent() && config.countryHeader().isEmpty()) {
      FileTime version = modified(config.database().get());
      if (version != null && !version.equals(loadedVersion)) {
        reload();
      }
    }
  }

  /** Geo for a request with these headers from {@code remoteAddress}; never throws. */
  public Geo resolve(Headers headers, String remoteAddress) {
    if (config.countryHeader().isPresent()) {
      Optional<String> country = GeoCodes.country(headers.first(config.countryHeader().get()));
      Optional<String> region =
          country.isEmpty() || config.regionHeader().isEmpty()
              ? Optional.empty()
              : GeoCodes.region(headers.first(config.regionHeader().get()), country);
      return new Geo(country, region);
    }
    return byAddress(remoteAddress);
  }

  /** Geo for a client IP from the database alone; unknown without one. */
  public Geo byAddress(String remoteAddress) {
    GeoDatabase current = database;
    if (current == null) {
      return Geo.UNKNOWN;
    }
    return IpLiteral.parse(remoteAddress).map(ip -> lookup(current, ip)).orElse(Geo.UNKNOWN);
  }

  private Geo lookup(GeoDatabase current, java.net.InetAddress ip) {
    try {
      return current.lookup(ip);
    } catch (IOException | RuntimeException e) {
      // The address is personal data: only the failure is logged.
      if (lookupFailures.getAndIncrement() % LOG_EVERY == 0) {
        LOG.warnf("GeoIP lookup failed (%s); geo.country left absent", e.getMessage());
      }
      return Geo.UNKNOWN;
    }
  }

  /** Whether a database is loaded. */
  public boolean hasDatabase() {
    return database != null;
  }

  private static FileTime modified(Path file) {
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException e) {
      return null;
    }
  }

  private static void closeQuietly(GeoDatabase db) {
    if (db != null) {
      try {
        db.close();
      } catch (IOException e) {
        LOG.debug("Closing the previous GeoIP database failed", e);
      }
    }
  }

  @PreDestroy
  synchronized void stop() {
    closeQuietly(database);
    database = null;
  }
}
