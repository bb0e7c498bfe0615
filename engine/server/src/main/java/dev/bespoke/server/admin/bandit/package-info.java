/** What bandit slots have learnt, read by editors. */
package dev.bespoke.server.admin.bandit;
