package org.equitymark.access;

import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/** Camunda's REST API, plus our mapping of invalid submissions to 400. */
@Component
public class EquityMarkJerseyConfig extends CamundaJerseyResourceConfig {

  @Override
  protected void registerAdditionalResources() {
    register(InvalidSubmissionMapper.class);
  }
}
