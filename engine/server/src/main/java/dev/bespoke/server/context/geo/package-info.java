/**
 * Geo signals: {@code geo.country} and {@code geo.region} from a trusted edge header, or from a
 * MaxMind GeoIP2/GeoLite2 database by client IP when no header is configured.
 */
package dev.bespoke.server.context.geo;
