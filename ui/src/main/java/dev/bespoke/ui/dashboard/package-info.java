/** The console's start page: live slots, running experiments, work waiting for review. */
package dev.bespoke.ui.dashboard;
