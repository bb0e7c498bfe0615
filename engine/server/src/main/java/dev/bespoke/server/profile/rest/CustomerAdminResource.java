package dev.bespoke.server.profile.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bespoke.server.profile.ProfileConfig;
import dev.bespoke.server.profile.ProfileKey;
import dev.bespoke.server.profile.Traits;
import dev.bespoke.server.profile.service.ProfileRead;
import dev.bespoke.server.profile.service.ProfileService;
import dev.bespoke.server.profile.store.CustomerTraits;
import dev.bespoke.server.security.Role;
import dev.bespoke.store.common.ConflictException;
import dev.bespoke.store.common.FieldError;
import dev.bespoke.store.common.NotFoundException;
import dev.bespoke.store.common.ValidationException;
import dev.bespoke.store.space.SpaceService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * CRM data by customer id, joined to the visitor at login: replace one customer's traits, import
 * many as NDJSON, look a customer up, erase one. Admins only: this is personal data in bulk.
 */
@Path("/api/v1/admin/spaces/{space}/customers")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
public class CustomerAdminResource {

  static final String NDJSON = "application/x-ndjson";

  private static final Duration WAIT = Duration.ofSeconds(15);

  private final ProfileService profiles;
  private final SpaceService spaces;
  private final ObjectMapper json;
  private final Duration halfLife;
  private final Clock clock;

  public CustomerAdminResource(
      ProfileService profiles,
      SpaceService spaces,
      ObjectMapper json,
      ProfileConfig config,
      Clock clock) {
    this.profiles = profiles;
    this.spaces = spaces;
    this.json = json;
    this.halfLife = config.scoreHalfLife();
    this.clock = clock;
  }

  @GET
  @Path("{customerId}")
  public CustomerView get(
      @PathParam("space") String space, @PathParam("customerId") String customerId) {
    ProfileKey key = key(space, customerId);
    ProfileRead read =
        await(profiles.find(key))
            .orElseThrow(() -> new NotFoundException("customer", "with this id"));
    return new CustomerView(
        customerId,
        read.customerTraits(),
        read.profile().map(p -> ProfileView.of(p, clock.instant(), halfLife)).orElse(null));
  }

  @PUT
  @Path("{customerId}/traits")
  @Consumes(MediaType.APPLICATION_JSON)
  public CustomerView replaceTraits(
      @PathParam("space") String space,
      @PathParam("customerId") String customerId,
      Map<String, Object> traits) {
    ProfileKey key = key(space, customerId);
    List<FieldError> errors = Traits.check(traits, "body");
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    Map<String, Object> clean = Traits.normalise(traits);
    int written =
        await(
            profiles.replaceCustomerTraits(
                key.space(), List.of(new CustomerTraits(customerId, clean))));
    if (written == 0) {
      throw new ConflictException("this customer was erased; their traits are not stored again");
    }
    return new CustomerView(customerId, clean, null);
  }

  @POST
  @Path("import")
  @Consumes({NDJSON, "application/jsonl", MediaType.TEXT_PLAIN})
  public ImportAnswer importTraits(@PathParam("space") String space, InputStream body) {
    requireSpace(space);
    List<CustomerTraits> customers = CustomerImport.parse(body, json);
    int written = await(profiles.replaceCustomerTraits(space, customers));
    return new ImportAnswer(written, customers.size() - written);
  }

  @DELETE
  @Path("{customerId}")
  public void erase(@PathParam("space") String space, @PathParam("customerId") String customerId) {
    await(profiles.erase(key(space, customerId)));
  }

  private ProfileKey key(String space, String customerId) {
    requireSpace(space);
    if (!ProfileKey.isCustomerId(customerId)) {
      throw ValidationException.of(
          "customerId", "1 to 128 characters without spaces, control characters or braces");
    }
    return ProfileKey.customer(space, customerId);
  }

  private void requireSpace(String space) {
    spaces.get(space);
  }

  private static <T> T await(Uni<T> uni) {
    return uni.await().atMost(WAIT);
  }
}
