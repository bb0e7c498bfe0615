package dev.bespoke.ui.support;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.Set;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;

/**
 * Checks the CSRF token of every state-changing console request, taken from the form field or, for
 * htmx, the header. It runs when the resource method is invoked, after Quarkus REST has read the
 * form body (a request filter runs before that). A POST whose form was not read, or that lacks the
 * token, is refused: fail closed.
 */
@CsrfChecked
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class CsrfInterceptor {

  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

  private final ConsoleUser user;
  private final CsrfTokens tokens;

  public CsrfInterceptor(ConsoleUser user, CsrfTokens tokens) {
    this.user = user;
    this.tokens = tokens;
  }

  @AroundInvoke
  Object check(InvocationContext invocation) throws Exception {
    ResteasyReactiveRequestContext request = CurrentRequestManager.get();
    if (request == null || SAFE.contains(request.getMethod())) {
      return invocation.proceed();
    }
    String token = request.getHeader(CsrfTokens.HEADER, true) instanceof String h ? h : null;
    if (token == null && request.getFormData() != null) {
      Object field = request.getFormParameter(CsrfTokens.FIELD, true, false);
      token = field == null ? null : field.toString();
    }
    if (!tokens.verify(user.sessionValue(), user.name(), token)) {
      throw new CsrfRefusedException();
    }
    return invocation.proceed();
  }
}
