/** Tests that benchmark-only endpoints stay out of the product build. */
package dev.bespoke.server.bench;
