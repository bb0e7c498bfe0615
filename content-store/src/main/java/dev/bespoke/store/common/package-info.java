/**
 * What every part of the content store shares: the domain exceptions the server maps to
 * problem+json, paging, field-level validation, key syntax and the JSON used for text columns.
 */
package dev.bespoke.store.common;
