package org.equitymark;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * EquityMark: a cultural-competency certification scheme for mental-health service providers,
 * run on an embedded Camunda Platform 7 engine.
 */
@SpringBootApplication
public class EquityMarkApplication {

  public static void main(String[] args) {
    SpringApplication.run(EquityMarkApplication.class, args);
  }
}
