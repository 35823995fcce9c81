package org.equitymark.demo;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;

/** The demo profile creates users whose password is their id: never on a production database. */
class DemoDataTests {

  @Test
  void shouldRefuseToRunOnPostgresqlUnlessExplicitlyAllowed() {
    DemoData demo = new DemoData(null, null, null, null, null, null, null, null,
        "jdbc:postgresql://db.example:5432/equitymark", false);

    assertThatThrownBy(() -> demo.run(new DefaultApplicationArguments()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("refused on PostgreSQL")
        .hasMessageContaining("equitymark.demo.allow-on-postgres=true");
  }
}
