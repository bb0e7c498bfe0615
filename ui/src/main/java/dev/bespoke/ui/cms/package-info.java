/** CMS connectors: each connector's settings and webhook address, for admins. */
package dev.bespoke.ui.cms;
