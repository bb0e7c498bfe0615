/** Locale signals: {@code locale} and {@code language} from the body or {@code Accept-Language}. */
package dev.bespoke.server.context.locale;
