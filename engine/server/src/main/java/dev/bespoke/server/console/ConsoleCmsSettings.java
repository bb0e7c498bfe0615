package dev.bespoke.server.console;

import dev.bespoke.cms.connector.Connectors;
import dev.bespoke.cms.settings.CmsConnectorService;
import dev.bespoke.cms.settings.ConnectorConfig;
import dev.bespoke.cms.settings.ConnectorView;
import dev.bespoke.ui.spi.CmsSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The console's CMS settings page over the same {@link CmsConnectorService} as the admin API, so
 * both validate, version and audit a change alike.
 */
@ApplicationScoped
public class ConsoleCmsSettings implements CmsSettings {

  private final CmsConnectorService service;
  private final Connectors connectors;

  public ConsoleCmsSettings(CmsConnectorService service, Connectors connectors) {
    this.service = service;
    this.connectors = connectors;
  }

  @Override
  public List<Connector> list(String space) {
    Map<String, ConnectorView> configured =
        service.list(space).stream()
            .collect(Collectors.toMap(ConnectorView::connector, Function.identity()));
    return connectors.names().stream()
        .map(
            name ->
                Optional.ofNullable(configured.get(name))
                    .map(ConsoleCmsSettings::connector)
                    .orElseGet(() -> unconfigured(space, name)))
        .toList();
  }

  /**
   * One transaction for the read and the write: the header and time to live the console does not
   * show are carried over from exactly the version the change replaces.
   */
  @Override
  @Transactional
  public Connector save(String space, String connector, Change change, String actor) {
    Optional<ConnectorView> current =
        service.list(space).stream().filter(c -> c.connector().equals(connector)).findFirst();
    ConnectorConfig config =
        new ConnectorConfig(
            change.enabled(),
            change.secret(),
            current.map(ConnectorView::tokenHeader).orElse(null),
            change.publishAs(),
            current.map(ConnectorView::signatureTtlSeconds).orElse(null),
            change.mapping(),
            change.version());
    return connector(service.put(space, connector, config, actor));
  }

  private static Connector connector(ConnectorView v) {
    return new Connector(
        v.connector(),
        true,
        v.enabled(),
        v.secretSet(),
        v.publishAs(),
        v.mapping(),
        v.webhookPath(),
        v.version(),
        v.updatedAt(),
        v.updatedBy());
  }

  private static Connector unconfigured(String space, String name) {
    return new Connector(
        name,
        false,
        false,
        false,
        "in_review",
        null,
        "/cms/" + name + "/" + space + "/webhook",
        null,
        null,
        null);
  }
}
