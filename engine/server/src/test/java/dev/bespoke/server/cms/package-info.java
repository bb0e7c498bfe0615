/**
 * The CMS adapter over HTTP: webhooks with real Contentful and Strapi payloads, settings, import.
 */
package dev.bespoke.server.cms;
