package dev.bespoke.cms.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.bespoke.cms.connector.CmsConnector;
import dev.bespoke.cms.connector.ConnectorSettings;
import dev.bespoke.cms.connector.Connectors;
import dev.bespoke.store.common.FieldErrors;
import dev.bespoke.store.common.NotFoundException;
import dev.bespoke.store.common.StaleVersionException;
import dev.bespoke.store.common.StoreJson;
import dev.bespoke.store.history.Change;
import dev.bespoke.store.history.History;
import dev.bespoke.store.space.SpaceRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and changes the connector settings of a space. Each change is an audit entry and a version
 * snapshot (type {@code cms-connector}); the snapshot never holds the secret.
 */
@ApplicationScoped
@Transactional
public class CmsConnectorService {

  static final String ENTITY_TYPE = "cms-connector";
  private static final int DEFAULT_TTL = 30;
  private static final int MIN_SECRET = 16;
  private static final Pattern HEADER = Pattern.compile("[A-Za-z0-9-]{1,128}");

  private final CmsConnectorRepository repository;
  private final SpaceRepository spaces;
  private final Connectors connectors;
  private final History history;
  private final Clock clock;

  public CmsConnectorService(
      CmsConnectorRepository repository,
      SpaceRepository spaces,
      Connectors connectors,
      History history,
      Clock clock) {
    this.repository = repository;
    this.spaces = spaces;
    this.connectors = connectors;
    this.history = history;
    this.clock = clock;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ConnectorView> list(String space) {
    spaces.require(space);
    return repository.forSpace(space).stream().map(CmsConnectorService::view).toList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public ConnectorView get(String space, String connector) {
    spaces.require(space);
    connectors.require(connector);
    return view(require(space, connector));
  }

  /** The settings a webhook is checked against; empty when the space has none for it. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<ActiveConnector> active(String space, String connector) {
    return repository
        .find(space, connector)
        .map(
            e ->
                new ActiveConnector(
                    new ConnectorSettings(
                        e.space,
                        e.connector,
                        e.secret,
                        e.tokenHeader,
                        Duration.ofSeconds(e.ttlSeconds),
                        StoreJson.readTree(e.mapping)),
                    e.enabled,
                    PublishAs.of(e.publishAs)));
  }

  /** Creates the settings, or replaces them (with the version the caller edited). */
  public ConnectorView put(String space, String connector, ConnectorConfig in, String actor) {
    spaces.requireWritable(space);
    CmsConnector impl = connectors.require(connector);
    Optional<CmsConnectorEntity> existing = repository.find(space, connector);
    FieldErrors errors = new FieldErrors();
    if (existing.isEmpty() && (in.secret() == null || in.secret().isBlank())) {
      errors.add("secret", "is required when a connector is first configured");
    } else if (in.secret() != null && in.secret().strip().length() < MIN_SECRET) {
      errors.add("secret", "must be at least " + MIN_SECRET + " characters");
    }
    if (in.tokenHeader() != null && !HEADER.matcher(in.tokenHeader()).matches()) {
      errors.add("tokenHeader", "must be an HTTP header name");
    }
    errors.oneOf("publishAs", in.publishAs(), Set.of("in_review", "published"));
    errors.range("signatureTtlSeconds", in.signatureTtlSeconds(), 1, 3600);
    if (existing.isPresent() && in.version() == null) {
      errors.add("version", "is required: send the version you edited");
    }
    errors.throwIfAny();
    JsonNode mapping =
        in.mapping() == null || in.mapping().isNull()
            ? JsonNodeFactory.instance.objectNode()
            : in.mapping();
    impl.validateMapping(mapping);

    CmsConnectorEntity entity = existing.orElseGet(CmsConnectorEntity::new);
    Long from = null;
    if (existing.isPresent()) {
      if (in.version().longValue() != entity.version) {
        throw new StaleVersionException(ENTITY_TYPE, connector, in.version(), entity.version);
      }
      from = entity.version;
    } else {
      entity.space = space;
      entity.connector = connector;
      entity.createdAt = clock.instant();
      entity.createdBy = actor;
    }
    boolean secretChanged = in.secret() != null && !in.secret().isBlank();
    if (secretChanged) {
      entity.secret = in.secret().strip();
    }
    entity.enabled = in.enabled() == null || in.enabled();
    entity.tokenHeader = in.tokenHeader();
    entity.publishAs = in.publishAs() == null ? PublishAs.IN_REVIEW.wireName() : in.publishAs();
    entity.ttlSeconds =
        in.signatureTtlSeconds() == null ? DEFAULT_TTL : in.signatureTtlSeconds().intValue();
    entity.mapping = StoreJson.write(mapping);
    entity.updatedAt = clock.instant();
    entity.updatedBy = actor;
    if (existing.isEmpty()) {
      entity.version = 1L;
      repository.persist(entity);
    }
    repository.flush();
    ConnectorView view = view(entity);
    history.record(
        new Change(
            space,
            ENTITY_TYPE,
            connector,
            existing.isEmpty() ? "create" : "update",
            actor,
            from,
            entity.version,
            secretChanged && existing.isPresent() ? "secret replaced" : null),
        view);
    return view;
  }

  /**
   * Disables the connector: its webhooks are refused from now on. The row stays (like archived
   * content) so its version history continues if it is configured again.
   */
  public ConnectorView disable(String space, String connector, String actor) {
    spaces.requireWritable(space);
    connectors.require(connector);
    CmsConnectorEntity entity = require(space, connector);
    if (!entity.enabled) {
      return view(entity);
    }
    long from = entity.version;
    entity.enabled = false;
    entity.updatedAt = clock.instant();
    entity.updatedBy = actor;
    repository.flush();
    ConnectorView view = view(entity);
    history.record(
        new Change(space, ENTITY_TYPE, connector, "disable", actor, from, entity.version, null),
        view);
    return view;
  }

  private CmsConnectorEntity require(String space, String connector) {
    return repository
        .find(space, connector)
        .orElseThrow(() -> new NotFoundException("CMS connector", space + "/" + connector));
  }

  static ConnectorView view(CmsConnectorEntity e) {
    return new ConnectorView(
        e.connector,
        e.space,
        e.enabled,
        e.secret != null && !e.secret.isEmpty(),
        e.tokenHeader,
        e.publishAs,
        e.ttlSeconds,
        StoreJson.readTree(e.mapping),
        "/cms/" + e.connector + "/" + e.space + "/webhook",
        e.version,
        e.updatedAt,
        e.updatedBy);
  }
}
