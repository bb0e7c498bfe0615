/**
 * The publishing workflow: review queue with diffs, publish/unpublish, history, rollback, audit.
 */
package dev.bespoke.ui.review;
