package org.equitymark.bench;

/** A job executor's threads, queue and jobs per acquisition. */
record JobExecutorSettings(int corePoolSize, int maxPoolSize, int queueCapacity, int maxJobsPerAcquisition) {

  /** The engine's own defaults (Camunda's Spring Boot starter and DefaultJobExecutor alike). */
  static final JobExecutorSettings ENGINE_DEFAULTS = new JobExecutorSettings(3, 10, 3, 3);

  @Override
  public String toString() {
    return (corePoolSize == maxPoolSize ? String.valueOf(corePoolSize) : corePoolSize + "-" + maxPoolSize)
        + " threads, queue " + queueCapacity + ", " + maxJobsPerAcquisition + " jobs per acquisition";
  }
}
