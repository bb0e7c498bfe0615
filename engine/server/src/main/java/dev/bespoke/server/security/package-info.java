/**
 * Who may call the admin API: users from configuration with bcrypt-hashed passwords, roles that
 * include one another (admin ⊇ publisher ⊇ editor), the start-up guard that keeps demo passwords
 * out of production, and the console's sessions (a signed mark per sign-in, revoked at sign-out).
 */
package dev.bespoke.server.security;
