package org.equitymark.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Lets the engine check a user's authorizations against the user's own groups as they are, instead of
 * first reading every group that holds any authorization.
 *
 * <p>Before each command's first authorization check, Camunda 7 reads {@code SELECT DISTINCT GROUP_ID_
 * FROM ACT_RU_AUTHORIZATION} (the whole table: every organisation's group holds grants on its cases
 * and tasks) and keeps only the user's groups found there. (CIB seven made the same skip a setting,
 * {@code authGroupFilterThreshold}; Operaton pull request 3141 ports it.) With
 * one group per organisation that read grows with the scheme: at 100,000 open tasks it is some
 * 25,000 groups out of 250,000 rows, on every Tasklist request and every registration. Checking with
 * a group that holds no authorization matches no row, so the result is the same; only the list in the
 * statement's {@code GROUP_ID_ IN (...)} may be longer, which is why users in more than
 * {@link #MAX_GROUPS_AS_AUTHENTICATED} groups keep the engine's filtering.
 */
@Component
@EngineTuning.Part
class AuthenticatedGroupsPlugin extends AbstractProcessEnginePlugin {

  static final int MAX_GROUPS_AS_AUTHENTICATED = 100;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<SessionFactory> factories = new ArrayList<>();
    if (configuration.getCustomSessionFactories() != null) {
      factories.addAll(configuration.getCustomSessionFactories());
    }
    factories.add(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return AuthorizationManager.class;
      }

      @Override
      public Session openSession() {
        return new GroupsAsAuthenticated();
      }
    });
    configuration.setCustomSessionFactories(factories);
  }

  /** The engine's authorization manager, without the look-up of all authorized groups for a few groups. */
  static final class GroupsAsAuthenticated extends AuthorizationManager {

    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()
          || authenticatedGroupIds.size() > MAX_GROUPS_AS_AUTHENTICATED) {
        return super.filterAuthenticatedGroupIds(authenticatedGroupIds);
      }
      return new ArrayList<>(new LinkedHashSet<>(authenticatedGroupIds));
    }
  }
}
