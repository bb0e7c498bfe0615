package dev.bespoke.ui.support;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A minimal page for refusals, built without a template so that it renders even where a template
 * could not (a filter that stops a request before any resource runs).
 */
public class ErrorPage {

  @ServerExceptionMapper
  public Response forbidden(ConsoleForbiddenException e) {
    return Response.status(Response.Status.FORBIDDEN)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
        .entity(html("Not allowed", e.getMessage()))
        .build();
  }

  @ServerExceptionMapper
  public Response csrf(CsrfRefusedException e) {
    return Response.status(Response.Status.FORBIDDEN)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
        .entity(html("Request refused", e.getMessage()))
        .build();
  }

  static String html(String title, String message) {
    return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
        + escape(title)
        + " · Bespoke</title><link rel=\"stylesheet\" href=\"/console/assets/console.css\"></head>"
        + "<body><main class=\"narrow\"><h1>"
        + escape(title)
        + "</h1><p role=\"alert\">"
        + escape(message)
        + "</p><p><a href=\"/console\">Back to the console</a></p></main></body></html>";
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
