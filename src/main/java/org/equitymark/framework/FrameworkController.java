package org.equitymark.framework;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The evidence framework in force, read-only and public: what new cases are assessed against. */
@RestController
class FrameworkController {

  private final Frameworks frameworks;

  FrameworkController(Frameworks frameworks) {
    this.frameworks = frameworks;
  }

  @GetMapping("/api/framework")
  EvidenceFramework framework() {
    return frameworks.current();
  }
}
