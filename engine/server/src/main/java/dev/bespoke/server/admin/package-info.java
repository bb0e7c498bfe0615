/**
 * The admin API ({@code /api/v1/admin}): thin JAX-RS resources, one package per collection, that
 * make the HTTP decisions (roles, status codes, {@code Location}) and leave every rule to the
 * content store's services. The store's domain records are the wire shapes.
 */
package dev.bespoke.server.admin;
