/**
 * Page and referrer signals: {@code page.url|path|host}, {@code referrer.host}, the UTM parameters
 * and the {@code touchpoint} derived from them (direct, search, social, email, paid, referral).
 */
package dev.bespoke.server.context.page;
