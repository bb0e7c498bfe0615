/** Experiments: configuration CRUD. */
package dev.bespoke.server.admin.experiment;
