package org.equitymark.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import org.equitymark.support.HttpTestSupport;
import org.equitymark.support.RestClient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tasklist, Cockpit and Admin load EquityMark's {@code config.js} and {@code user-styles.css}, not
 * the webjar's: which copy is served depends on the classpath order, so the served copy is checked.
 */
class WebappCustomisationIntegrationTests extends HttpTestSupport {

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin"})
  void shouldServeTheSchemesNameAndStyleWithoutTheVendorBanner(String app) {
    // when
    RestClient.Response config = anonymous().get("/camunda/app/" + app + "/scripts/config.js");
    RestClient.Response styles = anonymous().get("/camunda/app/" + app + "/styles/user-styles.css?bust=7.24.0");

    // then the app carries the scheme's name, as an ES module as 7.24 loads it
    assertThat(config.status()).isEqualTo(200);
    assertThat(config.body()).contains("export default {").contains("vendor: 'EquityMark'");
    // and its calm style, which hides the vendor's "time to migrate" banner
    assertThat(styles.status()).isEqualTo(200);
    assertThat(styles.body().replaceAll("\\s+", " ")).contains(".ce-eol-banner { display: none !important; }")
        .contains("[cam-widget-header]");
  }
}
