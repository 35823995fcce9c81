package org.equitymark.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Attachment;
import org.equitymark.documents.ClaimDocuments;
import org.equitymark.documents.DocumentAccess;
import org.equitymark.documents.DocumentTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

/** The portal's login page, the organisation's cases, one case, and a case's documents. */
@Controller
class PortalController {

  private final PortalCases cases;
  private final PortalLanguage language;
  private final TaskService taskService;
  private final ClaimDocuments claimDocuments;
  private final DocumentAccess access;
  private final PortalGapAnalysis gapAnalysis;

  PortalController(PortalCases cases, PortalLanguage language, TaskService taskService, ClaimDocuments claimDocuments,
      DocumentAccess access, PortalGapAnalysis gapAnalysis) {
    this.cases = cases;
    this.gapAnalysis = gapAnalysis;
    this.language = language;
    this.taskService = taskService;
    this.claimDocuments = claimDocuments;
    this.access = access;
  }

  /** A document attached to a claim of one of the organisation's cases (the engine decides, as the user). */
  @GetMapping("/portal/documents/{documentId}")
  ResponseEntity<byte[]> claimDocument(@PathVariable String documentId) {
    ClaimDocuments.Document document = claimDocuments.find(documentId)
        .filter(access::mayReadCase).orElseThrow(PortalController::notFound);
    return DocumentTypes.download(document.fileName(), document.contentType(), claimDocuments.content(document.id()));
  }

  @GetMapping(PortalSecurityConfiguration.LOGIN)
  Object login(Authentication authentication) {
    if (authentication != null && authentication.isAuthenticated() && !(authentication instanceof AnonymousAuthenticationToken)) {
      return "redirect:/portal/";
    }
    return "portal/login";
  }

  @GetMapping({"/portal", "/portal/"})
  ModelAndView myCases(Principal user) {
    return new ModelAndView("portal/cases", Map.of("cases", cases.cases(user.getName())));
  }

  @GetMapping("/portal/cases/{reference}")
  ModelAndView oneCase(@PathVariable String reference, Principal user, HttpServletRequest request,
      HttpServletResponse response) {
    PortalCases.CaseView found = cases.find(reference, user.getName()).orElseThrow(PortalController::notFound);
    language.preferCase(request, response, found.preferredLanguage());
    gapAnalysis.inLanguage(found.variables(), RequestContextUtils.getLocale(request));
    return new ModelAndView("portal/case", Map.of("c", found));
  }

  /**
   * A document of the case (certificate, feedback report): always a download, never shown inline,
   * with its type fixed and sniffing off, so that no document runs as a page of the portal.
   */
  @GetMapping("/portal/cases/{reference}/documents/{attachmentId}")
  ResponseEntity<byte[]> document(@PathVariable String reference, @PathVariable String attachmentId, Principal user)
      throws IOException {
    Attachment attachment = cases.document(reference, attachmentId, user.getName()).orElseThrow(PortalController::notFound);
    byte[] content;
    try (InputStream in = taskService.getAttachmentContent(attachment.getId())) {
      content = in == null ? new byte[0] : in.readAllBytes();
    }
    return DocumentTypes.download(attachment.getName(), attachment.getType(), content);
  }

  static ResponseStatusException notFound() {
    return new ResponseStatusException(HttpStatus.NOT_FOUND);
  }
}
