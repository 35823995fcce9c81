package org.equitymark.engine;

import static org.assertj.core.api.Assertions.assertThat;

import javax.xml.datatype.DatatypeFactory;
import org.eclipse.angus.mail.util.MailStreamProvider;
import org.equitymark.support.ProcessTestSupport;
import org.junit.jupiter.api.Test;

/**
 * The implementations the app names so that the JDK and Jakarta Mail do not scan every jar for
 * them on each timer and each mail (docs/performance.md): set once the app has started.
 */
class JvmLookupPropertiesTests extends ProcessTestSupport {

  @Test
  void shouldNameTheXmlDatatypeFactoryTheTimersUse() {
    // then
    assertThat(System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY))
        .isEqualTo(DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
  }

  @Test
  void shouldNameTheMailStreamProvider() {
    // then
    assertThat(System.getProperty("jakarta.mail.util.StreamProvider"))
        .isEqualTo(MailStreamProvider.class.getName());
  }
}
