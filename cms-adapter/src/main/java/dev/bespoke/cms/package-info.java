/**
 * Connectors that bring content authored in external CMSes (Contentful, Strapi, a generic mapped
 * webhook) into Bespoke's content store, and the browser script for web pages. Depends on the
 * content store only: never on the server.
 */
package dev.bespoke.cms;
