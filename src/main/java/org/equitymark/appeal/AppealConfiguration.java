package org.equitymark.appeal;

import org.equitymark.process.CertificationProcess;
import org.equitymark.submission.SubmissionForm;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The two ways an appeal arrives share one set of rules. */
@Configuration
class AppealConfiguration {

  @Bean
  SubmissionForm lodgeAppealForm() {
    return new AppealGroundsForm(CertificationProcess.Elements.LODGE_APPEAL);
  }

  @Bean
  SubmissionForm appealMessageForm() {
    return new AppealGroundsForm(CertificationProcess.Elements.APPEAL_LODGED_BY_MESSAGE);
  }
}
