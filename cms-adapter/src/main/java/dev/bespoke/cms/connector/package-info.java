/**
 * The connector SPI: one implementation per CMS verifies a webhook request, parses its body into
 * entry events and maps each entry to Bespoke variants. Connectors are pure functions of the
 * request and the space's settings; storing the result is {@code dev.bespoke.cms.sync}'s job.
 */
package dev.bespoke.cms.connector;
