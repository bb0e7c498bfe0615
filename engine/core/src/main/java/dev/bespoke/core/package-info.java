/** The framework-free decision core of Bespoke. */
package dev.bespoke.core;
