/**
 * The Java client's requests and its reading of answers, against a small HTTP server from the JDK
 * that records what it receives and answers what a test tells it to. The client against the real
 * service is tested in engine/server ({@code dev.bespoke.server.cms.JavaClientTest}).
 */
package dev.bespoke.cms.client;
