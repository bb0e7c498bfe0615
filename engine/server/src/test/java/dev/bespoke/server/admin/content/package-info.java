/** Content is stored as inert data: returned exactly as given, never interpreted. */
package dev.bespoke.server.admin.content;
