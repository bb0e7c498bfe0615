/** Who may call what: every write endpoint refuses anonymous callers and too-low roles. */
package dev.bespoke.server.admin.security;
