/** Small text helpers shared by the context resolvers: bounding and cleaning untrusted strings. */
package dev.bespoke.server.context.support;
