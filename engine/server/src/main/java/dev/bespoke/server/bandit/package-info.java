/**
 * Bandit slots: counting how often each variant was served and rewarded (a click or a conversion
 * naming its decision) per slot and segment context, and lending those counts to the decision core
 * as {@link dev.bespoke.core.decision.BanditEvidence}. An optimisation, never a test: nothing here
 * feeds experiment results.
 */
package dev.bespoke.server.bandit;
