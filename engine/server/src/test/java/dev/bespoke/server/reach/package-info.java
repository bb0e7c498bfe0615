/** Tests of reach: the admin endpoint over this node's sample of recent visitors. */
package dev.bespoke.server.reach;
