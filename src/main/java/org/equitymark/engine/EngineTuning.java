package org.equitymark.engine;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.camunda.bpm.engine.impl.util.ProductPropertiesUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The engine tuning ({@link AuthorizedQueries}, {@link PostgresPlanChoice}, {@link EngineSchemaTuning},
 * {@link AuthenticatedGroupsPlugin}, {@link JobAcquisitionByDueDate}) names Camunda's MyBatis statement
 * ids, tables, sessions and settings as they are in {@value #WRITTEN_FOR}. It is on when
 * {@code equitymark.engine.tuning.enabled} is true (the default) and the running engine is that version; on
 * another version it stays off and says so at start-up, and the app runs on the engine's own statements,
 * slower at scale but with the same answers.
 */
public final class EngineTuning {

  /** The Camunda version whose internals the tuning was written for (major.minor). */
  public static final String WRITTEN_FOR = "7.24";
  static final String ENABLED = "equitymark.engine.tuning.enabled";

  private static final Logger LOG = LoggerFactory.getLogger(EngineTuning.class);

  private EngineTuning() {
  }

  /** Whether the tuning applies, given the setting and the running engine's version. */
  static boolean applies(boolean enabled, String engineVersion) {
    return enabled && engineVersion != null
        && (engineVersion.equals(WRITTEN_FOR) || engineVersion.startsWith(WRITTEN_FOR + "."));
  }

  /** Marks a bean of the engine tuning: created only when {@link #applies} holds. */
  @Target(ElementType.TYPE)
  @Retention(RetentionPolicy.RUNTIME)
  @Conditional(WhenApplies.class)
  @interface Part {
  }

  static final class WhenApplies implements Condition {

    private static volatile String told;

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      boolean enabled = context.getEnvironment().getProperty(ENABLED, Boolean.class, true);
      String version = ProductPropertiesUtil.getProductVersion();
      boolean applies = applies(enabled, version);
      String why = !enabled ? "off (" + ENABLED + "=false)"
          : applies ? "on, written for Camunda " + WRITTEN_FOR + ", running " + version
          : "off: written for Camunda " + WRITTEN_FOR + ", but the engine is " + version
              + "; check engine/ against the new version's mappings before setting it on again";
      if (!why.equals(told)) {
        told = why;
        if (enabled && !applies) {
          LOG.warn("Engine tuning {}", why);
        } else {
          LOG.info("Engine tuning {}", why);
        }
      }
      return applies;
    }
  }
}
