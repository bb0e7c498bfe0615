package dev.bespoke.server.profile.rest;

import dev.bespoke.server.problem.Problem;
import dev.bespoke.server.profile.ConsentGate;
import dev.bespoke.server.profile.ProfileConfig;
import dev.bespoke.server.profile.ProfileKey;
import dev.bespoke.server.profile.Traits;
import dev.bespoke.server.profile.WriteOutcome;
import dev.bespoke.server.profile.identity.Caller;
import dev.bespoke.server.profile.identity.VisitorIdentity;
import dev.bespoke.server.profile.service.ProfileRead;
import dev.bespoke.server.profile.service.ProfileService;
import dev.bespoke.server.profile.service.SpacePolicies;
import dev.bespoke.server.profile.service.SpacePolicy;
import dev.bespoke.store.common.ConflictException;
import dev.bespoke.store.common.FieldError;
import dev.bespoke.store.common.Keys;
import dev.bespoke.store.common.NotFoundException;
import dev.bespoke.store.common.ValidationException;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The visitor's own data: what is stored ({@code GET}), consent, self-stated preferences and
 * erasure. The caller is whoever the signed visitor id (cookie, or {@code ?visitorId=} for apps)
 * and the session token say; nobody can read or change another visitor's data by naming an id.
 */
@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Visitor data",
    description = "The calling visitor's own data: export, consent, erasure")
@APIResponse(
    responseCode = "400",
    description = "A bad request, naming each bad field",
    content =
        @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class MeResource {

  static final String DEFAULT_SPACE = "default";

  /** Longer than the service's own timeout: the service answers 503 first. */
  private static final Duration WAIT = Duration.ofSeconds(15);

  private final ProfileService profiles;
  private final SpacePolicies spaces;
  private final VisitorIdentity identity;
  private final Instance<MeSectionContributor> contributors;
  private final Duration halfLife;
  private final Clock clock;

  public MeResource(
      ProfileService profiles,
      SpacePolicies spaces,
      VisitorIdentity identity,
      Instance<MeSectionContributor> contributors,
      ProfileConfig config,
      Clock clock) {
    this.profiles = profiles;
    this.spaces = spaces;
    this.identity = identity;
    this.contributors = contributors;
    this.halfLife = config.scoreHalfLife();
    this.clock = clock;
  }

  @GET
  @Operation(
      operationId = "getMe",
      summary = "Everything stored about the calling visitor",
      description = "The caller is the bespoke_vid cookie, or visitorId for apps, and the session.")
  @APIResponse(
      responseCode = "200",
      description = "The visitor's export",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = MeExport.class)))
  @APIResponse(
      responseCode = "404",
      description = "Nothing is stored about this visitor, or the space is unknown",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public Response get(
      @QueryParam("space") String space,
      @QueryParam("visitorId") String visitorId,
      @Context HttpHeaders headers) {
    SpacePolicy policy = policy(space);
    Caller caller = identity.identify(visitorId, headers);
    Optional<ProfileRead> visitor = caller.visitorId().flatMap(v -> find(visitorKey(policy, v)));
    Optional<ProfileRead> customer =
        caller.customerId().flatMap(c -> find(ProfileKey.customer(policy.space(), c)));
    if (visitor.isEmpty() && customer.isEmpty()) {
      throw new NotFoundException("data", "for this visitor");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("space", policy.space());
    visitor.flatMap(ProfileRead::profile).ifPresent(p -> body.put("visitor", view(p)));
    customer.ifPresent(
        c ->
            body.put(
                "customer",
                new CustomerView(
                    caller.customerId().get(),
                    c.customerTraits(),
                    c.profile().map(this::view).orElse(null))));
    MeRequest request = new MeRequest(policy, caller, visitor, customer);
    for (MeSectionContributor contributor : contributors) {
      contributor.contribute(request).ifPresent(s -> body.putIfAbsent(contributor.section(), s));
    }
    return Response.ok(body).cacheControl(noStore()).build();
  }

  @PUT
  @Path("consent")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(operationId = "putConsent", summary = "Record the visitor's consent")
  @APIResponse(
      responseCode = "200",
      description = "The consent now in force",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ConsentAnswer.class)))
  @APIResponse(
      responseCode = "409",
      description = "The visitor's data was erased",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public Response consent(
      ConsentRequest body,
      @QueryParam("space") String space,
      @QueryParam("visitorId") String visitorId,
      @Context HttpHeaders headers) {
    checkConsent(body);
    SpacePolicy policy = policy(space);
    Caller caller = identity.identify(visitorId, headers);
    boolean personalization = body.personalization();
    Optional<String> visitor = caller.visitorId();
    boolean issued = false;
    if (visitor.isEmpty() && personalization) {
      visitor = Optional.of(identity.issue());
      issued = true;
    }
    // The visitor first: an erased id stops the call before anything is written for the customer.
    if (visitor.isPresent()
        && await(
                profiles.consent(
                    visitorKey(policy, visitor.get()), personalization, body.analytics(), policy))
            == WriteOutcome.ERASED) {
      throw erasedVisitor();
    }
    caller
        .customerId()
        .ifPresent(
            c ->
                await(
                    profiles.consent(
                        ProfileKey.customer(policy.space(), c),
                        personalization,
                        body.analytics(),
                        policy)));
    boolean forget = !personalization && policy.consentRequired();
    Response.ResponseBuilder answer =
        Response.ok(
                new ConsentAnswer(
                    personalization, body.analytics(), forget ? null : visitor.orElse(null)))
            .cacheControl(noStore());
    if (issued) {
      answer.cookie(identity.cookie(visitor.get(), headers));
    } else if (forget && caller.visitorId().isPresent()) {
      answer.cookie(identity.expiredCookie(headers));
    }
    return answer.build();
  }

  @PUT
  @Path("preferences")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(operationId = "putPreferences", summary = "Store self-stated preferences")
  @APIResponse(
      responseCode = "200",
      description = "The traits stored",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PreferencesAnswer.class)))
  @APIResponse(
      responseCode = "409",
      description = "Consent is needed first, or the visitor's data was erased",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public Response preferences(
      PreferencesRequest body,
      @QueryParam("space") String space,
      @QueryParam("visitorId") String visitorId,
      @Context HttpHeaders headers) {
    Map<String, Object> traits = checkTraits(body);
    SpacePolicy policy = policy(space);
    Caller caller = identity.identify(visitorId, headers);
    ConsentGate gate =
        policy.gateFor(caller.personalization()).orElseThrow(MeResource::consentNeeded);
    Optional<String> visitor = caller.visitorId();
    boolean issued = false;
    ProfileKey key;
    if (caller.customerId().isPresent()) {
      key = ProfileKey.customer(policy.space(), caller.customerId().get());
    } else {
      if (visitor.isEmpty()) {
        if (gate == ConsentGate.GRANTED) {
          throw consentNeeded();
        }
        visitor = Optional.of(identity.issue());
        issued = true;
      }
      key = visitorKey(policy, visitor.get());
    }
    WriteOutcome outcome = await(profiles.preferences(key, traits, gate, policy.zone()));
    if (outcome == WriteOutcome.NO_CONSENT) {
      throw consentNeeded();
    }
    if (outcome == WriteOutcome.ERASED) {
      throw erasedVisitor();
    }
    Response.ResponseBuilder answer =
        Response.ok(new PreferencesAnswer(traits, visitor.orElse(null))).cacheControl(noStore());
    if (issued) {
      answer.cookie(identity.cookie(visitor.get(), headers));
    }
    return answer.build();
  }

  @DELETE
  @Operation(operationId = "eraseMe", summary = "Erase the visitor's profile")
  @APIResponse(responseCode = "204", description = "Erased; the visitor cookie is expired")
  public Response erase(
      @QueryParam("space") String space,
      @QueryParam("visitorId") String visitorId,
      @Context HttpHeaders headers) {
    SpacePolicy policy = policy(space);
    Caller caller = identity.identify(visitorId, headers);
    caller.visitorId().ifPresent(v -> await(profiles.erase(visitorKey(policy, v))));
    caller
        .customerId()
        .ifPresent(c -> await(profiles.erase(ProfileKey.customer(policy.space(), c))));
    return Response.noContent().cookie(identity.expiredCookie(headers)).build();
  }

  private Optional<ProfileRead> find(ProfileKey key) {
    return await(profiles.find(key));
  }

  private ProfileView view(dev.bespoke.server.profile.Profile profile) {
    return ProfileView.of(profile, clock.instant(), halfLife);
  }

  private SpacePolicy policy(String space) {
    String key = space == null ? DEFAULT_SPACE : space;
    if (!Keys.isValid(key)) {
      throw ValidationException.of("space", Keys.RULE);
    }
    return spaces.find(key).orElseThrow(() -> new NotFoundException("space", key));
  }

  private static ProfileKey visitorKey(SpacePolicy policy, String visitorId) {
    return ProfileKey.visitor(policy.space(), visitorId);
  }

  private static void checkConsent(ConsentRequest body) {
    List<FieldError> errors = new ArrayList<>();
    if (body == null || body.personalization() == null) {
      errors.add(new FieldError("personalization", "is required (true or false)"));
    }
    if (body == null || body.analytics() == null) {
      errors.add(new FieldError("analytics", "is required (true or false)"));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
  }

  private static Map<String, Object> checkTraits(PreferencesRequest body) {
    List<FieldError> errors = Traits.check(body == null ? null : body.traits(), "traits");
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return Traits.normalise(body.traits());
  }

  private static ConflictException erasedVisitor() {
    return new ConflictException(
        "this visitor's data was erased; start again without the old visitor id");
  }

  private static ConflictException consentNeeded() {
    return new ConflictException(
        "personalisation consent is needed before preferences can be stored");
  }

  private static <T> T await(io.smallrye.mutiny.Uni<T> uni) {
    return uni.await().atMost(WAIT);
  }

  private static CacheControl noStore() {
    CacheControl cache = new CacheControl();
    cache.setPrivate(true);
    cache.setNoStore(true);
    return cache;
  }
}
