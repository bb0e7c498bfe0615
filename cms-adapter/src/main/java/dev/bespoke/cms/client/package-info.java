/**
 * A small Java client for server-rendered CMS pages: decisions, HTML fragments and events over
 * {@code java.net.http}, with short timeouts, the caller's own defaults whenever Bespoke is slow,
 * down or answers something unusable, and the visitor's {@code bespoke_vid} cookie passed through
 * both ways. It never throws to the page. Depends on nothing but the JDK and Jackson.
 */
package dev.bespoke.cms.client;
