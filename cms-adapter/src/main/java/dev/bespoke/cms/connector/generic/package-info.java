/**
 * The generic connector: any JSON body, mapped to a variant by JSON Pointers configured per space,
 * and signed with HMAC-SHA256 over a timestamp and the body.
 */
package dev.bespoke.cms.connector.generic;
