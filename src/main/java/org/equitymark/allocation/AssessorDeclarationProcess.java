package org.equitymark.allocation;

import org.equitymark.process.Variable;

/**
 * The API of process {@code assessor-declaration}: an assessor declares its own interests (ties with
 * organisations, gender and minoritised status, both voluntary) from a Tasklist start form; a scheme
 * manager confirms the declaration, or returns it with a reason, before allocation uses it.
 */
public final class AssessorDeclarationProcess {

  public static final String KEY = "assessor-declaration";

  private AssessorDeclarationProcess() {
  }

  /** Element ids of the model. */
  public static final class Elements {
    public static final String DECLARATION_STARTED = "declarationStarted";
    public static final String DECLARE_INTERESTS = "declareInterests";
    public static final String CONFIRM_DECLARATION = "confirmDeclaration";
    public static final String IS_DECLARATION_CONFIRMED = "isDeclarationConfirmed";
    public static final String RECORD_DECLARATION = "recordDeclaration";
    public static final String DECLARATION_RECORDED = "declarationRecorded";

    private Elements() {
    }
  }

  /** The declaring assessor: the authenticated user who started the declaration, never a form field. */
  public static final Variable<String> DECLARING_ASSESSOR = Variable.string("declaringAssessor");
  /** The organisations of the scheme, for the form's choice by name: {@code [{"value": id, "label": name}]}. */
  public static final Variable<Variable.JsonText> ORGANISATION_OPTIONS = Variable.json("organisationOptions");
  /** The ties declared: {@code [{"organisationId": "1001", "tie": "consultancy"}]}, prefilled from the pool. */
  public static final Variable<Variable.JsonText> DECLARED_TIES = Variable.json("declaredTies");
  public static final Variable<String> GENDER = Variable.string("gender");
  public static final Variable<String> MINORITISED = Variable.string("minoritised");
  /** What the scheme manager reads: the declaration, organisation names shown as literal text. */
  public static final Variable<Variable.JsonText> DECLARATION_SUMMARY = Variable.json("declarationSummary");
  public static final Variable<Boolean> DECLARATION_CONFIRMED = Variable.bool("declarationConfirmed");
  public static final Variable<String> RETURN_REASON = Variable.string("returnReason");
  /** The return reason as literal text, for the assessor's form. */
  public static final Variable<String> RETURN_REASON_TEXT = Variable.string("returnReasonText");
  public static final Variable<String> CONFIRMED_BY = Variable.string("confirmedBy");
}
