/**
 * Who may call the admin API: users from configuration with bcrypt-hashed passwords, roles that
 * include one another (admin ⊇ publisher ⊇ editor), and the start-up guard that keeps demo
 * passwords out of production.
 */
package dev.bespoke.server.security;
