/** Admin API tests over a real port, on H2 by default and PostgreSQL with the pg profile. */
package dev.bespoke.server.admin;
