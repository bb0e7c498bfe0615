package dev.bespoke.store.persona;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.bespoke.store.common.ConflictException;
import dev.bespoke.store.common.ContextAttributes;
import dev.bespoke.store.common.FieldErrors;
import dev.bespoke.store.common.Page;
import dev.bespoke.store.common.PageRequest;
import dev.bespoke.store.common.StoreJson;
import dev.bespoke.store.content.Lifecycle;
import dev.bespoke.store.history.ContentVersion;
import dev.bespoke.store.history.History;
import dev.bespoke.store.space.SpaceEntity;
import dev.bespoke.store.space.SpaceRepository;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;

/** Personas of a space: create, read, update, archive, roll back. */
@ApplicationScoped
@Transactional
public class PersonaService extends Lifecycle<PersonaEntity, Persona> {

  static final int MAX_CONTEXT = 65_536;

  private static final String STATUS_HOW = "DELETE archives a persona; rollback restores it";

  private final PersonaRepository personas;
  private final SpaceRepository spaces;

  public PersonaService(
      PersonaRepository personas, SpaceRepository spaces, History history, Clock clock) {
    super(history, clock);
    this.personas = personas;
    this.spaces = spaces;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<Persona> list(String space, PageRequest page) {
    return page(personas.list(spaces.require(space)), page);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Persona get(String space, String key) {
    return toRecord(personas.require(spaces.require(space), key));
  }

  public Persona create(String space, Persona input, String actor) {
    SpaceEntity owner = spaces.requireWritable(space);
    readOnlyStatus(input.status(), PersonaEntity.ACTIVE, STATUS_HOW);
    Persona clean = clean(input);
    if (personas.find(owner, clean.key()).isPresent()) {
      throw new ConflictException("persona " + clean.key() + " already exists in space " + space);
    }
    PersonaEntity entity = new PersonaEntity();
    entity.space = owner;
    entity.key = clean.key();
    entity.status = PersonaEntity.ACTIVE;
    apply(clean, entity);
    return created(entity, actor);
  }

  public Persona update(String space, String key, Persona input, String actor) {
    PersonaEntity entity = personas.require(spaces.requireWritable(space), key);
    matchPathKey(input.key(), key);
    readOnlyStatus(input.status(), entity.status, STATUS_HOW);
    Persona clean = clean(withKey(input, key));
    checkVersion(entity, input.version());
    if (PersonaEntity.ARCHIVED.equals(entity.status)) {
      throw new ConflictException(
          "cannot edit persona " + key + ": it is archived; roll back to a version to restore it");
    }
    long from = entity.version;
    apply(clean, entity);
    return changed(entity, from, "update", actor, null);
  }

  public void archive(String space, String key, String actor) {
    PersonaEntity entity = personas.require(spaces.requireWritable(space), key);
    if (PersonaEntity.ARCHIVED.equals(entity.status)) {
      return;
    }
    long from = entity.version;
    entity.status = PersonaEntity.ARCHIVED;
    changed(entity, from, "archive", actor, null);
  }

  public Persona rollback(String space, String key, long version, String actor) {
    return rolledBack(personas.require(spaces.requireWritable(space), key), version, actor);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<ContentVersion> versions(String space, String key, PageRequest page) {
    return versions(personas.require(spaces.require(space), key), page);
  }

  @Override
  protected String entityType() {
    return "persona";
  }

  @Override
  protected PanacheRepository<PersonaEntity> repository() {
    return personas;
  }

  @Override
  protected Class<Persona> recordType() {
    return Persona.class;
  }

  @Override
  protected String spaceKey(PersonaEntity entity) {
    return entity.space.key;
  }

  @Override
  protected void restore(PersonaEntity entity, Persona snapshot) {
    apply(clean(withKey(snapshot, entity.key)), entity);
    entity.status =
        PersonaEntity.ARCHIVED.equals(snapshot.status())
            ? PersonaEntity.ARCHIVED
            : PersonaEntity.ACTIVE;
  }

  @Override
  protected Persona toRecord(PersonaEntity e) {
    return new Persona(
        e.key, e.name, e.description, StoreJson.readTree(e.context), e.status, e.version);
  }

  private static Persona clean(Persona in) {
    FieldErrors errors = new FieldErrors();
    errors.key("key", in.key());
    errors.requiredText("name", in.name(), 200);
    errors.maxLength("description", in.description(), 2_000);
    errors.jsonObject("context", in.context(), MAX_CONTEXT);
    ContextAttributes.check(in.context(), "context", errors);
    errors.throwIfAny();
    return new Persona(
        in.key(),
        in.name().strip(),
        in.description(),
        in.context() == null || in.context().isNull()
            ? JsonNodeFactory.instance.objectNode()
            : in.context(),
        in.status(),
        in.version());
  }

  private static void apply(Persona clean, PersonaEntity entity) {
    entity.name = clean.name();
    entity.description = clean.description();
    entity.context = StoreJson.write(clean.context());
  }

  private static Persona withKey(Persona in, String key) {
    return new Persona(key, in.name(), in.description(), in.context(), in.status(), in.version());
  }
}
