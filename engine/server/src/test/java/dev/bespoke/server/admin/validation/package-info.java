/** Bad input of every kind is a 4xx problem naming the field, never a 5xx. */
package dev.bespoke.server.admin.validation;
