package org.equitymark.reports;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.equitymark.access.WebappUsers;
import org.equitymark.access.WebappUsers.WebappUser;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The reports page for scheme managers, behind the login of Camunda's webapps (the same HTTP
 * session as Tasklist and Cockpit; Tasklist's header links here): {@code GET /reports} draws the
 * reports as SVG bar charts, each with its figures as a table and {@code GET /reports/{name}.csv} to
 * download. No one logged in: the page sends the person to Tasklist's login, the CSV answers 401;
 * anyone else but a scheme manager gets 403. {@code GET /reports/access} (204 or 403) tells Tasklist
 * whether to show the link.
 */
@Controller
class ReportsPageController {

  static final String TASKLIST = "/camunda/app/tasklist/default/";

  private final WebappUsers webappUsers;
  private final ReportCharts charts;
  private final SchemeReports reports;

  ReportsPageController(WebappUsers webappUsers, ReportCharts charts, SchemeReports reports) {
    this.webappUsers = webappUsers;
    this.charts = charts;
    this.reports = reports;
  }

  @GetMapping("/reports")
  String page(HttpServletRequest request, HttpServletResponse response, Model model, Locale locale) {
    Optional<WebappUser> user = webappUsers.current(request);
    response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
    if (user.isEmpty()) {
      return "redirect:" + TASKLIST;
    }
    if (!user.get().isSchemeManager()) {
      response.setStatus(HttpStatus.FORBIDDEN.value());
      return "reports/forbidden";
    }
    model.addAttribute("charts", charts.all(locale));
    model.addAttribute("headings", ReportCharts.DRAWN.stream()
        .collect(Collectors.toMap(name -> name, name -> charts.categoryHeading(name, locale))));
    model.addAttribute("user", user.get().userId());
    return "reports/reports";
  }

  @GetMapping("/reports/{name}.csv")
  ResponseEntity<String> csv(@PathVariable String name, HttpServletRequest request) {
    ResponseEntity<String> refused = refused(request);
    if (refused != null) {
      return refused;
    }
    if (!reports.index().containsKey(name)) {
      return plain(HttpStatus.NOT_FOUND, "No such report; the reports page lists them: /reports");
    }
    return ResponseEntity.ok().contentType(ReportsController.CSV)
        .cacheControl(CacheControl.noStore())
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename("equitymark-" + name + ".csv").build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .body(ReportCsv.write(reports.report(name)));
  }

  @GetMapping("/reports/access")
  ResponseEntity<String> access(HttpServletRequest request) {
    ResponseEntity<String> refused = refused(request);
    return refused != null ? refused : ResponseEntity.noContent().cacheControl(CacheControl.noStore()).build();
  }

  /** 401 without a webapp login, 403 for anyone but a scheme manager, else null. */
  private ResponseEntity<String> refused(HttpServletRequest request) {
    Optional<WebappUser> user = webappUsers.current(request);
    if (user.isEmpty()) {
      return plain(HttpStatus.UNAUTHORIZED, "Log in to Tasklist first: " + TASKLIST);
    }
    return user.get().isSchemeManager() ? null
        : plain(HttpStatus.FORBIDDEN, "Reports are for scheme managers");
  }

  private static ResponseEntity<String> plain(HttpStatus status, String text) {
    return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).header("X-Content-Type-Options", "nosniff")
        .body(text);
  }
}
