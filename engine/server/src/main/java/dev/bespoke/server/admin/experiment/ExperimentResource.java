package dev.bespoke.server.admin.experiment;

import dev.bespoke.server.admin.support.Bodies;
import dev.bespoke.server.admin.support.Caller;
import dev.bespoke.server.admin.support.Created;
import dev.bespoke.server.admin.support.Paging;
import dev.bespoke.server.admin.support.RollbackRequest;
import dev.bespoke.server.experiment.lifecycle.ExperimentPromoter;
import dev.bespoke.server.experiment.lifecycle.ExperimentPromoter.Promotion;
import dev.bespoke.server.experiment.lifecycle.ExperimentRunner;
import dev.bespoke.server.experiment.results.ResultsService;
import dev.bespoke.server.experiment.results.ResultsView;
import dev.bespoke.server.security.Role;
import dev.bespoke.store.common.Page;
import dev.bespoke.store.experiment.Experiment;
import dev.bespoke.store.experiment.ExperimentService;
import dev.bespoke.store.history.ContentVersion;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;

/**
 * Experiments of a space: editors create and edit drafts; publishers start, stop, change a running
 * experiment's traffic or schedule, archive and roll back; everyone reads results.
 */
@Path("/api/v1/admin/spaces/{space}/experiments")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.EDITOR_NAME)
public class ExperimentResource {

  private final ExperimentService experiments;
  private final ExperimentRunner runner;
  private final ResultsService results;
  private final ExperimentPromoter promoter;
  private final Caller caller;
  private final SecurityIdentity identity;

  public ExperimentResource(
      ExperimentService experiments,
      ExperimentRunner runner,
      ResultsService results,
      ExperimentPromoter promoter,
      Caller caller,
      SecurityIdentity identity) {
    this.experiments = experiments;
    this.runner = runner;
    this.results = results;
    this.promoter = promoter;
    this.caller = caller;
    this.identity = identity;
  }

  @GET
  public Page<Experiment> list(
      @PathParam("space") String space,
      @QueryParam("status") String status,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    return experiments.list(space, Optional.ofNullable(status), Paging.of(page, size));
  }

  @GET
  @Path("{key}")
  public Experiment get(@PathParam("space") String space, @PathParam("key") String key) {
    return experiments.get(space, key);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(@PathParam("space") String space, Experiment body, @Context UriInfo uri) {
    Experiment created = experiments.create(space, Bodies.required(body), caller.name());
    return Created.at(uri, created.key(), created);
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Path("{key}")
  public Experiment update(
      @PathParam("space") String space, @PathParam("key") String key, Experiment body) {
    Experiment input = Bodies.required(body);
    // A running experiment's traffic reaches visitors at once: a publisher's decision.
    if (experiments.isRunning(space, key) && !identity.hasRole(Role.PUBLISHER_NAME)) {
      throw new ForbiddenException("changing a running experiment needs the publisher role");
    }
    return experiments.update(space, key, input, caller.name());
  }

  @POST
  @Path("{key}/start")
  @RolesAllowed(Role.PUBLISHER_NAME)
  public Experiment start(@PathParam("space") String space, @PathParam("key") String key) {
    return runner.start(space, key, caller.name());
  }

  @POST
  @Path("{key}/stop")
  @RolesAllowed(Role.PUBLISHER_NAME)
  public Experiment stop(@PathParam("space") String space, @PathParam("key") String key) {
    return runner.stop(space, key, caller.name());
  }

  /**
   * Promotes an A/B experiment's winner: stops it and unpublishes the losing arms' variants.
   * Without a body, the significant winner; {@code {"arm": "b", "acceptInconclusive": true}} names
   * one and accepts weaker evidence.
   */
  @POST
  @Path("{key}/promote")
  @RolesAllowed(Role.PUBLISHER_NAME)
  public Promotion promote(
      @PathParam("space") String space, @PathParam("key") String key, PromoteRequest body) {
    PromoteRequest request = body == null ? new PromoteRequest(null, null) : body;
    return promoter.promote(
        space,
        key,
        Optional.ofNullable(request.arm()),
        Boolean.TRUE.equals(request.acceptInconclusive()),
        caller.name());
  }

  /** The optional body of a promotion. */
  public record PromoteRequest(String arm, Boolean acceptInconclusive) {}

  @GET
  @Path("{key}/results")
  public ResultsView results(@PathParam("space") String space, @PathParam("key") String key) {
    return results.results(space, key);
  }

  @DELETE
  @Path("{key}")
  @RolesAllowed(Role.PUBLISHER_NAME)
  public void archive(@PathParam("space") String space, @PathParam("key") String key) {
    experiments.archive(space, key, caller.name());
  }

  @POST
  @Path("{key}/rollback")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.PUBLISHER_NAME)
  public Experiment rollback(
      @PathParam("space") String space, @PathParam("key") String key, RollbackRequest body) {
    return experiments.rollback(space, key, RollbackRequest.versionOf(body), caller.name());
  }

  @GET
  @Path("{key}/versions")
  public Page<ContentVersion> versions(
      @PathParam("space") String space,
      @PathParam("key") String key,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    return experiments.versions(space, key, Paging.of(page, size));
  }
}
