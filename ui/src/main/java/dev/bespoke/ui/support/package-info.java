/**
 * What every console page shares: the signed-in editor, CSRF tokens and their check, role gates and
 * the console's configuration.
 */
package dev.bespoke.ui.support;
