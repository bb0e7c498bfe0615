/**
 * Device signals: {@code device.type}, {@code device.os} and {@code device.browser} from the {@code
 * User-Agent} and the {@code Sec-CH-UA-Mobile} client hint, parsed by Yauaa.
 */
package dev.bespoke.server.context.device;
