package org.equitymark.documents;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.IdentityService;
import org.equitymark.access.WebappUsers;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A document attached to a claim, fetched by staff from the link in their task's form in Tasklist:
 * the person is the one logged in to Camunda's webapps in this browser session ({@link WebappUsers}),
 * and the engine, asked as that person ({@link DocumentAccess}), decides whether the case is theirs to
 * see. Not logged in: 401; not theirs, or no such document: 404. Always a download
 * ({@link DocumentTypes#download}).
 */
@RestController
class StaffDocumentController {

  private final ClaimDocuments documents;
  private final DocumentAccess access;
  private final IdentityService identityService;
  private final WebappUsers webappUsers;

  StaffDocumentController(ClaimDocuments documents, DocumentAccess access, IdentityService identityService,
      WebappUsers webappUsers) {
    this.documents = documents;
    this.access = access;
    this.identityService = identityService;
    this.webappUsers = webappUsers;
  }

  @GetMapping(ClaimDocuments.STAFF_PATH + "{documentId}")
  ResponseEntity<byte[]> document(@PathVariable String documentId, HttpServletRequest request) {
    WebappUsers.WebappUser user = webappUsers.current(request)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
    identityService.setAuthentication(user.userId(), user.groups());
    try {
      ClaimDocuments.Document document = documents.find(documentId).filter(access::mayReadCase)
          .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
      return DocumentTypes.download(document.fileName(), document.contentType(), documents.content(document.id()));
    } finally {
      identityService.clearAuthentication();
    }
  }
}
