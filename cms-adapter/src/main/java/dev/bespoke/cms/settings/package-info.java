/**
 * Per-space connector settings (secret or token, publish mode, field mapping), stored in {@code
 * cms_connector} and changed through the admin API with an audit entry per change.
 */
package dev.bespoke.cms.settings;
