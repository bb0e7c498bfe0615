/**
 * Choosing a slot's variant for one visitor, and saying why in plain words.
 *
 * <p>The server hands in a {@link dev.bespoke.core.decision.SlotRule} from the published snapshot,
 * the visitor's {@link dev.bespoke.core.context.VisitorContext} and a few request facts; the {@link
 * dev.bespoke.core.decision.Decider} answers with the chosen variant, the segments that made it
 * fit, a reason and, when asked, a trace of every variant considered. Nothing here touches a
 * database, a cache or the network.
 */
package dev.bespoke.core.decision;
