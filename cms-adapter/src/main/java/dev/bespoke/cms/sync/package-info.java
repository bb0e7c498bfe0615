/**
 * Receiving CMS changes: the webhook pipeline (size limit, verification, parsing), the idempotent
 * application of entry events to variants through the content store's services, and bulk import.
 */
package dev.bespoke.cms.sync;
