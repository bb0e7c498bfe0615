/** Space validation, without a database. */
package dev.bespoke.store.space;
