/**
 * Profile endpoints: the visitor's own data ({@code /api/v1/me}: export, consent, preferences,
 * erasure) and the admin API's profiles and CRM customers. Thin resources: they identify the
 * caller, check input and turn service outcomes into statuses, cookies and problem documents. Wire
 * shapes are their own records, mapped from the domain in {@link
 * dev.bespoke.server.profile.rest.ProfileView}.
 */
package dev.bespoke.server.profile.rest;
