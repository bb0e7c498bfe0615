package dev.bespoke.server.admin.bandit;

import dev.bespoke.server.bandit.BanditBoard;
import dev.bespoke.server.bandit.BanditStandings;
import dev.bespoke.server.security.Role;
import dev.bespoke.store.slot.SlotService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET …/slots/{slot}/bandit}: a bandit slot's trials and rewards per segment context. */
@Path("/api/v1/admin/spaces/{space}/slots/{slot}/bandit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.EDITOR_NAME)
public class BanditResource {

  private final SlotService slots;
  private final BanditBoard board;

  public BanditResource(SlotService slots, BanditBoard board) {
    this.slots = slots;
    this.board = board;
  }

  @GET
  public BanditStandings standings(
      @PathParam("space") String space, @PathParam("slot") String slot) {
    slots.get(space, slot);
    return board.standings(space, slot);
  }
}
