/** The demo seed: present, published and audited as the system. */
package dev.bespoke.server.admin.demo;
