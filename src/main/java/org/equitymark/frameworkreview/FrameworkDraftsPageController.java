package org.equitymark.frameworkreview;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.equitymark.access.WebappUsers;
import org.equitymark.access.WebappUsers.WebappUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The framework drafts page for scheme managers, behind the webapps' login like {@code /reports}:
 * {@code GET /framework/drafts} lists the drafts uploaded (version, by whom, when, valid or what is
 * wrong now); {@code POST /framework/drafts} (multipart, field {@code file}, at most
 * {@code equitymark.framework-drafts.max-bytes}; CSRF by the form token of {@code web/PublicFormTokens})
 * checks the file and stores it as the draft of the version it names, or answers 400 with every
 * problem (line and column, field path) and stores nothing. No one logged in: to Tasklist's login;
 * anyone but a scheme manager: 403.
 */
@Controller
class FrameworkDraftsPageController {

  static final String TASKLIST = "/camunda/app/tasklist/default/";

  private final WebappUsers webappUsers;
  private final FrameworkDrafts drafts;
  private final long maxBytes;

  FrameworkDraftsPageController(WebappUsers webappUsers, FrameworkDrafts drafts,
      @Value("${equitymark.framework-drafts.max-bytes}") long maxBytes) {
    this.webappUsers = webappUsers;
    this.drafts = drafts;
    this.maxBytes = maxBytes;
  }

  @GetMapping(FrameworkReviewProcess.DRAFTS_PAGE)
  String page(@RequestParam(required = false) String uploaded, HttpServletRequest request,
      HttpServletResponse response, Model model) {
    Optional<WebappUser> user = webappUsers.current(request);
    String refused = refused(user, response);
    if (refused != null) {
      return refused;
    }
    if (uploaded != null && FrameworkDrafts.VERSION.matcher(uploaded).matches()) {
      model.addAttribute("uploaded", uploaded);
    }
    return page(model, List.of(), null);
  }

  @PostMapping(FrameworkReviewProcess.DRAFTS_PAGE)
  String upload(@RequestParam(required = false) MultipartFile file, HttpServletRequest request,
      HttpServletResponse response, Model model, Locale locale) throws IOException {
    Optional<WebappUser> user = webappUsers.current(request);
    String refused = refused(user, response);
    if (refused != null) {
      return refused;
    }
    if (file == null || file.isEmpty()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return page(model, List.of(), "drafts.noFile");
    }
    if (file.getSize() > maxBytes) {
      response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
      model.addAttribute("maxKilobytes", maxBytes / 1024);
      return page(model, List.of(), "drafts.tooLarge");
    }
    FrameworkDrafts.Upload upload = drafts.upload(new String(file.getBytes(), StandardCharsets.UTF_8),
        user.get().userId());
    if (!upload.isStored()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return page(model, upload.problems(), "drafts.invalid");
    }
    return "redirect:" + FrameworkReviewProcess.DRAFTS_PAGE + "?uploaded=" + upload.version() + "&lang="
        + locale.getLanguage();
  }

  private String page(Model model, List<String> problems, String refusal) {
    model.addAttribute("drafts", drafts.all());
    model.addAttribute("problems", problems);
    model.addAttribute("refusal", refusal);
    model.addAttribute("maxKilobytes", maxBytes / 1024);
    return "drafts/drafts";
  }

  /** The view for someone not logged in (Tasklist's login) or not a scheme manager (403); else null. */
  private static String refused(Optional<WebappUser> user, HttpServletResponse response) {
    response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
    if (user.isEmpty()) {
      return "redirect:" + TASKLIST;
    }
    if (!user.get().isSchemeManager()) {
      response.setStatus(HttpStatus.FORBIDDEN.value());
      return "drafts/forbidden";
    }
    return null;
  }
}
