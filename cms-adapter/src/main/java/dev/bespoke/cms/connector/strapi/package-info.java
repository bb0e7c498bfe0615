/**
 * Strapi (4 and 5): {@code entry.*} webhook events, a static token header compared in constant time
 * (Strapi does not sign bodies), Strapi 5's {@code documentId} and i18n locales.
 */
package dev.bespoke.cms.connector.strapi;
