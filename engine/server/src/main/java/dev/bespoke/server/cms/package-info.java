/**
 * HTTP for the CMS adapter: the public webhook endpoints ({@code /cms/{connector}/{space}/webhook})
 * and the admin endpoints for connector settings and bulk import. Thin: every rule is in the
 * cms-adapter module.
 */
package dev.bespoke.server.cms;
