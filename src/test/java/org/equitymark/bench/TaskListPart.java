package org.equitymark.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * Part 2: the task lists at scale. Open tasks are put at a realistic mix of stages (each case registered
 * through the real start, so its organisation, group and authorizations exist, then moved to its stage),
 * and the queries Tasklist makes for our filters are timed: a page of 15 sorted by creation date, the
 * count, and the page's filter variables. The bare engine gets the same filters, tasks and variables,
 * without authorization.
 */
final class TaskListPart {

  /** Stage of each open task, in the proportions of a running scheme. */
  private static final String[] MIX = {
      "confirmPayment", "confirmPayment",
      "completeSelfAssessment", "completeSelfAssessment", "completeSelfAssessment",
      "reviewSelfAssessment", "reviewSelfAssessment",
      "assessEvidence", "assessEvidence",
      "approveCertification",
      "agreeActionPlan", "agreeActionPlan"};
  private static final int CASES_PER_ORGANISATION = 4;
  private static final int QUERIES = Integer.getInteger("bench.queries", 30);
  private static final int CLAIMS = Integer.getInteger("bench.claims", 30);
  private static final List<String> FILTER_VARIABLES =
      List.of("applicationReference", "organisationName", "workplaceArea", "targetLevel");

  /** Who looks at which filter. */
  private record Look(String filter, String user) {
  }

  private static final List<Look> LOOKS = List.of(
      new Look("Payments to confirm", "finance1"),
      new Look("My group's tasks", "support1"),
      new Look("Assessments assigned to me", "assessor1"),
      new Look("All open tasks", "manager1"),
      new Look("My organisation's tasks", null));

  private final String db;
  private final EquityMarkSystem ours;
  private final BareEngine bare;
  private final int runs;
  private final ResultTable table;
  private int oursCases;
  private int bareCases;
  private String oursApplicant;
  private String applicantToWatch;

  TaskListPart(String db, EquityMarkSystem ours, BareEngine bare, int runs, ResultTable table) {
    this.db = db;
    this.ours = ours;
    this.bare = bare;
    this.runs = runs;
    this.table = table;
  }

  static List<Integer> sizes() {
    if (Boolean.getBoolean("bench.large")) {
      return List.of(20_000, 100_000);
    }
    return Arrays.stream(System.getProperty("bench.tasks", "2000").split(",")).map(String::trim)
        .map(Integer::valueOf).toList();
  }

  Map<String, Object> run() {
    copyFilters();
    Map<String, Object> json = new LinkedHashMap<>();
    Map<Integer, Map<String, Figures.Runs>> oursP95BySize = new LinkedHashMap<>();
    List<Integer> sizes = sizes();
    for (int size : sizes) {
      Benchmark.log("[%s] 2. putting %d open tasks in place on each side", db, size);
      fillOurs(size);
      fillBare(size);
      Map<String, Object> atSize = new LinkedHashMap<>();
      Map<String, List<Double>> oursP50 = new LinkedHashMap<>();
      Map<String, List<Double>> oursP95 = new LinkedHashMap<>();
      Map<String, List<Double>> bareP50 = new LinkedHashMap<>();
      Map<String, List<Double>> bareP95 = new LinkedHashMap<>();
      for (int run = 1; run <= runs; run++) {
        for (Look look : LOOKS) {
          List<Double> o = timeLook(ours.engine(), look, oursUser(look), groupsInOurs(oursUser(look)));
          List<Double> b = timeLook(bare.engine(), look, bareUser(look), bareGroups(look));
          oursP50.computeIfAbsent(look.filter(), k -> new ArrayList<>()).add(Figures.percentile(o, 50));
          oursP95.computeIfAbsent(look.filter(), k -> new ArrayList<>()).add(Figures.percentile(o, 95));
          bareP50.computeIfAbsent(look.filter(), k -> new ArrayList<>()).add(Figures.percentile(b, 50));
          bareP95.computeIfAbsent(look.filter(), k -> new ArrayList<>()).add(Figures.percentile(b, 95));
        }
        List<Double> o = claimAndComplete(ours.engine(), "finance1", groupsInOurs("finance1"), true);
        List<Double> b = claimAndComplete(bare.engine(), "finance1", List.of("finance"), false);
        oursP50.computeIfAbsent("claim + complete", k -> new ArrayList<>()).add(Figures.percentile(o, 50));
        oursP95.computeIfAbsent("claim + complete", k -> new ArrayList<>()).add(Figures.percentile(o, 95));
        bareP50.computeIfAbsent("claim + complete", k -> new ArrayList<>()).add(Figures.percentile(b, 50));
        bareP95.computeIfAbsent("claim + complete", k -> new ArrayList<>()).add(Figures.percentile(b, 95));
        Benchmark.log("[%s] 2. run %d at %d open tasks done", db, run, size);
      }
      Map<String, Figures.Runs> p95s = new LinkedHashMap<>();
      for (String query : oursP50.keySet()) {
        Figures.Runs o50 = Figures.Runs.of(oursP50.get(query));
        Figures.Runs o95 = Figures.Runs.of(oursP95.get(query));
        Figures.Runs b50 = Figures.Runs.of(bareP50.get(query));
        Figures.Runs b95 = Figures.Runs.of(bareP95.get(query));
        p95s.put(query, o95);
        boolean goalApplies = size == sizes.get(0);
        table.add(db, "2 task lists", "p95 ms " + query + ", " + size + " open", o95, b95,
            goalApplies ? "<= 1.5" : null, goalApplies ? 1.5 : null, false);
        atSize.put(query, Map.of("ours", Map.of("p50", o50.json(), "p95", o95.json()),
            "baseline", Map.of("p50", b50.json(), "p95", b95.json())));
      }
      oursP95BySize.put(size, p95s);
      json.put(String.valueOf(size), atSize);
    }
    if (sizes.size() > 1) {
      int small = sizes.get(0);
      int large = sizes.get(sizes.size() - 1);
      Map<String, Object> growth = new LinkedHashMap<>();
      for (String query : oursP95BySize.get(small).keySet()) {
        Figures.Runs from = oursP95BySize.get(small).get(query);
        Figures.Runs to = oursP95BySize.get(large).get(query);
        table.add(db, "2 task lists", "p95 growth " + query + ", " + small + " -> " + large, to, from,
            "<= 3", 3.0, false);
        growth.put(query, Figures.round(Figures.ratio(to, from)));
      }
      json.put("growth", growth);
    }
    return json;
  }

  /** One user's look at one filter, as Tasklist makes it: page of 15 by creation date, count, variables. */
  private static List<Double> timeLook(ProcessEngine engine, Look look, String user, List<String> groups) {
    FilterService filters = engine.getFilterService();
    IdentityService identity = engine.getIdentityService();
    String filterId = filters.createFilterQuery().filterName(look.filter()).singleResult().getId();
    List<Double> millis = new ArrayList<>();
    identity.setAuthentication(user, groups);
    try {
      for (int i = 0; i < QUERIES; i++) {
        long start = System.nanoTime();
        TaskQuery sorted = engine.getTaskService().createTaskQuery().orderByTaskCreateTime().desc();
        List<Task> page = filters.listPage(filterId, sorted, 0, 15);
        filters.count(filterId);
        if (!page.isEmpty()) {
          engine.getRuntimeService().createVariableInstanceQuery()
              .processInstanceIdIn(page.stream().map(Task::getProcessInstanceId).toArray(String[]::new))
              .variableNameIn(FILTER_VARIABLES.toArray(String[]::new)).listPage(0, 15 * FILTER_VARIABLES.size());
        }
        millis.add((System.nanoTime() - start) / 1e6);
      }
    } finally {
      identity.clearAuthentication();
    }
    return millis;
  }

  /** Claims and completes payments as the finance officer, from the top of its list. */
  private static List<Double> claimAndComplete(ProcessEngine engine, String user, List<String> groups, boolean ours) {
    IdentityService identity = engine.getIdentityService();
    List<Double> millis = new ArrayList<>();
    identity.setAuthentication(user, groups);
    try {
      List<Task> tasks = engine.getTaskService().createTaskQuery().taskDefinitionKey("confirmPayment")
          .taskUnassigned().orderByTaskCreateTime().desc().listPage(0, CLAIMS);
      Map<String, Object> variables = ours ? Map.of("paymentReceived", true, "paymentReference", "BACS 9") : Map.of();
      for (Task task : tasks) {
        long start = System.nanoTime();
        engine.getTaskService().claim(task.getId(), user);
        engine.getTaskService().complete(task.getId(), variables);
        millis.add((System.nanoTime() - start) / 1e6);
      }
    } finally {
      identity.clearAuthentication();
    }
    return millis;
  }

  private void fillOurs(int size) {
    var runtime = ours.engine().getRuntimeService();
    while (openTasks(ours.engine()) < size) {
      if (oursCases % CASES_PER_ORGANISATION == 0) {
        oursApplicant = ours.createApplicant();
        if (applicantToWatch == null) {
          applicantToWatch = oursApplicant;
        }
      }
      String stage = MIX[oursCases % MIX.length];
      String instance = ours.registerAs(oursApplicant).getId();
      runtime.createProcessInstanceModification(instance)
          .startBeforeActivity(stage)
          .setVariable("leadAssessor", "assessor" + (1 + oursCases % 6))
          .setVariable("workplaceArea", "Ward " + (oursCases % 40))
          .cancelAllForActivity("sendInvoice")
          .execute();
      oursCases++;
    }
  }

  private void fillBare(int size) {
    var runtime = bare.engine().getRuntimeService();
    while (openTasks(bare.engine()) < size) {
      String stage = MIX[bareCases % MIX.length];
      Map<String, Object> variables = new LinkedHashMap<>();
      variables.put("organisationId", "b" + bareCases / CASES_PER_ORGANISATION);
      variables.put("leadAssessor", "assessor" + (1 + bareCases % 6));
      variables.put("applicationReference", String.format("EM-2026-%05d", bareCases));
      variables.put("organisationName", "Provider " + bareCases / CASES_PER_ORGANISATION);
      variables.put("workplaceArea", "Ward " + (bareCases % 40));
      variables.put("targetLevel", "developing");
      variables.put("contactEmail", "contact" + bareCases + "@provider.example");
      runtime.createProcessInstanceByKey(BareEngine.TASKS).startBeforeActivity(stage).setVariables(variables).execute();
      bareCases++;
    }
  }

  private static long openTasks(ProcessEngine engine) {
    return engine.getTaskService().createTaskQuery().count();
  }

  /** The bare engine gets EquityMark's filters as they are stored (queries with expressions, properties). */
  private void copyFilters() {
    FilterService from = ours.engine().getFilterService();
    FilterService to = bare.engine().getFilterService();
    for (Look look : LOOKS) {
      if (to.createFilterQuery().filterName(look.filter()).count() > 0) {
        continue;
      }
      Filter original = from.createFilterQuery().filterName(look.filter()).singleResult();
      Filter copy = to.newTaskFilter(look.filter());
      copy.setQuery(original.getQuery());
      copy.setProperties(original.getProperties());
      to.saveFilter(copy);
    }
  }

  private String oursUser(Look look) {
    return look.user() == null ? applicantToWatch : look.user();
  }

  private static String bareUser(Look look) {
    return look.user() == null ? "applicant0" : look.user();
  }

  private List<String> bareGroups(Look look) {
    return look.user() == null ? List.of("applicants", "org-b0") : groupsInOurs(look.user());
  }

  private List<String> groupsInOurs(String user) {
    return ours.engine().getIdentityService().createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId).toList();
  }
}
