/**
 * Contentful: request verification as Contentful documents it (HMAC-SHA256 over the canonical
 * request), Entry topics, localised fields as locale variants, old and new tombstones.
 */
package dev.bespoke.cms.connector.contentful;
