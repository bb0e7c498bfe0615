/** What the admin resources share: paging parameters, the calling user, request helpers. */
package dev.bespoke.server.admin.support;
