/**
 * What all stored content has in common: key, status, optimistic version and stamps; the draft →
 * in_review → published → archived workflow; and the base that records every change with its audit
 * entry and version snapshot.
 */
package dev.bespoke.store.content;
