package org.equitymark.framework;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The evidence framework, read-only and public: what providers are assessed against. */
@RestController
class FrameworkController {

  private final EvidenceFramework framework;

  FrameworkController(EvidenceFramework framework) {
    this.framework = framework;
  }

  @GetMapping("/api/framework")
  EvidenceFramework framework() {
    return framework;
  }
}
