/** Signing in and out of the console; the form itself is checked by Quarkus form authentication. */
package dev.bespoke.ui.auth;
