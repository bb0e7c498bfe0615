/** The review workflow: submit, publish, unpublish, archive, and the rules around defaults. */
package dev.bespoke.server.admin.workflow;
