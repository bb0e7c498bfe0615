/** The calling user's own account: who the admin API thinks you are, and what you may do. */
package dev.bespoke.server.admin.account;
